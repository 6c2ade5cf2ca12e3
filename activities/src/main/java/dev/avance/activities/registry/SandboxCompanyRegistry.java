package dev.avance.activities.registry;

import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.workflows.borrower.CompanyProfile;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry the app uses: the simulated one, unless a sandbox platform row set a scenario for
 * the number (POST /sandbox/company-eligibility), which then applies to that row's borrowers only.
 * A real registry adapter would replace the simulated one and the overrides would stay a sandbox
 * feature.
 */
@Primary
@Component
public class SandboxCompanyRegistry implements CompanyRegistry {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final SimulatedCompanyRegistry simulated;
  private final JdbcClient jdbc;
  private final Clock clock;

  public SandboxCompanyRegistry(SimulatedCompanyRegistry simulated, JdbcClient jdbc, Clock clock) {
    this.simulated = simulated;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the registry says of the number to the borrowers of the platform row from now on. */
  public void setScenario(
      String platformId, Country country, String identifier, EligibilityScenario scenario) {
    jdbc.sql(
            """
            insert into registry_overrides (platform_id, country, identifier, scenario, created_at)
            values (:p, :c, :i, :s, :at)
            on conflict (platform_id, country, identifier) do update set scenario = excluded.scenario
            """)
        .param("p", platformId)
        .param("c", country.name())
        .param("i", identifier)
        .param("s", scenario.name())
        .param("at", timestamp(clock.instant()))
        .update();
  }

  /** Without a platform, no sandbox's overrides apply. */
  @Override
  public CompanyProfile lookUp(Country country, IdentifierType type, String identifier) {
    return simulated.lookUp(country, type, identifier);
  }

  @Override
  public CompanyProfile lookUp(
      String platformId, Country country, IdentifierType type, String identifier) {
    // Sandbox rows only: a live borrower meets the register as it is, whatever was set.
    Optional<String> scenario =
        jdbc.sql(
                """
                select o.scenario from registry_overrides o
                join platforms p on p.id = o.platform_id and p.environment = 'SANDBOX'
                where o.platform_id = :p and o.country = :c and o.identifier = :i
                """)
            .param("p", platformId)
            .param("c", country.name())
            .param("i", identifier)
            .query(String.class)
            .optional();
    if (scenario.isEmpty()) {
      return simulated.lookUp(country, type, identifier);
    }
    LocalDate today = LocalDate.now(clock.withZone(PARIS));
    String name = "Sandbox company " + identifier;
    return switch (EligibilityScenario.valueOf(scenario.get())) {
      case ELIGIBLE ->
          new CompanyProfile(
              true, name, "SAS", true, today.minusYears(10), 100_000_000L, false, false);
      case INSOLVENT ->
          new CompanyProfile(
              true, name, "SAS", true, today.minusYears(10), 100_000_000L, true, false);
      case STRUCK_OFF ->
          new CompanyProfile(
              true, name, "SAS", true, today.minusYears(10), 100_000_000L, false, true);
      case NOT_COMMERCIAL_COMPANY ->
          new CompanyProfile(
              true, name, "Association", false, today.minusYears(10), 100_000_000L, false, false);
      case COMPANY_TOO_YOUNG ->
          new CompanyProfile(
              true, name, "SAS", true, today.minusMonths(3), 100_000_000L, false, false);
      case COMPANY_NOT_FOUND -> new CompanyProfile(false, null, null, false, null, 0, false, false);
    };
  }
}
