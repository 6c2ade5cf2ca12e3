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
 * The registry the app uses: the simulated one, unless the sandbox set a scenario for the number
 * (POST /sandbox/company-eligibility). A real registry adapter would replace the simulated one and
 * the overrides would stay a sandbox feature.
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

  public void setScenario(Country country, String identifier, EligibilityScenario scenario) {
    jdbc.sql(
            """
            insert into registry_overrides (country, identifier, scenario, created_at)
            values (:c, :i, :s, :at)
            on conflict (country, identifier) do update set scenario = excluded.scenario
            """)
        .param("c", country.name())
        .param("i", identifier)
        .param("s", scenario.name())
        .param("at", timestamp(clock.instant()))
        .update();
  }

  @Override
  public CompanyProfile lookUp(Country country, IdentifierType type, String identifier) {
    Optional<String> scenario =
        jdbc.sql("select scenario from registry_overrides where country = :c and identifier = :i")
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
