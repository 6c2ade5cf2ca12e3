package dev.avance.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.platform.Environment;
import dev.avance.workflows.borrower.BorrowerActivities;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.borrower.LookUpCompany;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Sandbox registry overrides on a real PostgreSQL, through the borrower activity that asks the
 * registry: an override applies to the borrowers of the sandbox row that set it, and to no one
 * else's, however the numbers match.
 */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SandboxCompanyRegistryTest extends RealPostgresTest {
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  private static final String SIREN = "552100554";

  @Autowired private SandboxCompanyRegistry registry;
  @Autowired private BorrowerActivities activities;
  @Autowired private JdbcClient jdbc;

  @BeforeEach
  void cleanSlate() {
    jdbc.sql("truncate table registry_overrides, borrowers, platforms cascade").update();
    TestRows rows = new TestRows(jdbc);
    rows.platform("sbx-a", Environment.SANDBOX);
    rows.platform("sbx-b", Environment.SANDBOX);
    rows.platform("live-c", Environment.LIVE);
    rows.borrower("b-a", "sbx-a", "SUBMITTED", null, T0);
    rows.borrower("b-b", "sbx-b", "SUBMITTED", null, T0);
    rows.borrower("b-c", "live-c", "SUBMITTED", null, T0);
  }

  private boolean insolvent(String borrowerId) {
    return activities
        .lookUpCompany(new LookUpCompany(borrowerId, Country.FRA, IdentifierType.SIREN, SIREN))
        .insolvent();
  }

  @Test
  void anOverrideAppliesToTheBorrowersOfTheRowThatSetIt() {
    registry.setScenario("sbx-a", Country.FRA, SIREN, EligibilityScenario.INSOLVENT);

    assertThat(insolvent("b-a")).isTrue();
    assertThat(insolvent("b-b")).as("another sandbox").isFalse();
    assertThat(insolvent("b-c")).as("a live platform").isFalse();
  }

  @Test
  void aLiveRowIsNeverOverriddenEvenWithARowForIt() {
    // Only sandbox keys reach the endpoint; a row for a live platform must still change nothing.
    jdbc.sql(
            "insert into registry_overrides (platform_id, country, identifier, scenario,"
                + " created_at) values ('live-c', 'FRA', :i, 'INSOLVENT', now())")
        .param("i", SIREN)
        .update();

    assertThat(insolvent("b-c")).isFalse();
  }

  @Test
  void eachSandboxKeepsItsOwnScenarioForOneNumber() {
    registry.setScenario("sbx-a", Country.FRA, SIREN, EligibilityScenario.INSOLVENT);
    registry.setScenario("sbx-b", Country.FRA, SIREN, EligibilityScenario.ELIGIBLE);
    registry.setScenario("sbx-a", Country.FRA, SIREN, EligibilityScenario.STRUCK_OFF);

    var a =
        activities.lookUpCompany(
            new LookUpCompany("b-a", Country.FRA, IdentifierType.SIREN, SIREN));
    assertThat(a.struckOff()).isTrue();
    assertThat(a.insolvent()).isFalse();
    assertThat(insolvent("b-b")).isFalse();
    assertThat(registry.lookUp(Country.FRA, IdentifierType.SIREN, SIREN).struckOff())
        .as("without a platform, no override")
        .isFalse();
  }
}
