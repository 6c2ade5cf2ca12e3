package dev.avance.activities.loan;

import static dev.avance.activities.billing.BillingFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.billing.BillingFixtures;
import dev.avance.activities.loan.LoanPayoffs.Payoff;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.GenerateBills;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Payoffs on a real PostgreSQL, against the bills the real billing run writes: a partially repaid
 * loan owes its outstanding principal, the interest not yet billed to the day, and its unpaid
 * bills, and what it owes in interest is what billing charges.
 */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoanPayoffsTest extends RealPostgresTest {
  private static final YearMonth OCT = YearMonth.of(2026, 10);

  @Autowired LoanPayoffs payoffs;
  @Autowired BillingActivities billing;
  @Autowired JdbcClient jdbc;
  BillingFixtures f;

  @BeforeEach
  void cleanSlate() {
    f = new BillingFixtures(jdbc);
    f.reset();
    f.platform("plat-a", "AUTO");
    f.platform("plat-b", "AUTO");
    f.borrower("b-1", "plat-a");
    f.mandate("b-1", "plat-a");
    // 1,000.01 EUR paid out on 1 October, 400 EUR repaid on 11 October: 600.01 EUR from then on.
    f.loan("loan-1", "plat-a", "b-1", 100_001, paris(LocalDate.of(2026, 10, 1), 10, 0), "SCT");
    f.repay(
        "loan-1",
        "transfer-1",
        40_000,
        paris(LocalDate.of(2026, 10, 11), 15, 0),
        60_001,
        "TO_REPAY");
  }

  private Payoff on(String day) {
    return payoffs.payoff("plat-a", "loan-1", LocalDate.parse(day)).orElseThrow();
  }

  @Test
  void beforeAnyBillThePayoffIsThePrincipalAndTheInterestFromThePayoutRoundedOnce() {
    Payoff payoff = on("2026-10-21");

    // 10 days on 100,001 cents (500.005) and 10 days on 60,001 (300.005): 800.01, rounded once.
    assertThat(payoff.principalCents()).isEqualTo(60_001);
    assertThat(payoff.interestExact()).isEqualByComparingTo(new BigDecimal("800.0100"));
    assertThat(payoff.interestCents()).isEqualTo(800);
    assertThat(payoff.billedUnpaidCents()).isZero();
    assertThat(payoff.totalCents()).isEqualTo(60_801);
  }

  @Test
  void afterABillTheBilledInterestIsOwedUntilPaidAndOnlyTheDaysAfterItAccrue() {
    billing.generate(new GenerateBills(OCT, paris(LocalDate.of(2026, 11, 1), 6, 0), 3));
    long billed =
        jdbc.sql("select billed_cents from bill_lines where loan_id = 'loan-1'")
            .query(Long.class)
            .single();
    // October: 500.005 + 21 days on 60,001 (630.0105) = 1,130.0155, billed 1,130.
    assertThat(billed).isEqualTo(1_130);

    Payoff payoff = on("2026-11-16");
    // 15 November days on 60,001: 450.0075; the running total 1,580.023 rounds to 1,580, so 450.
    assertThat(payoff.principalCents()).isEqualTo(60_001);
    assertThat(payoff.interestExact()).isEqualByComparingTo(new BigDecimal("450.0075"));
    assertThat(payoff.interestCents()).isEqualTo(450);
    assertThat(payoff.billedUnpaidCents()).isEqualTo(1_130);
    assertThat(payoff.totalCents()).isEqualTo(60_001 + 450 + 1_130);

    jdbc.sql("update bills set status = 'PAID', paid_at = now()").update();
    assertThat(on("2026-11-16").billedUnpaidCents()).isZero();
    assertThat(on("2026-11-16").totalCents()).isEqualTo(60_001 + 450);
  }

  @Test
  void onThePayoutDayOneDayIsCharged() {
    f.loan("loan-2", "plat-a", "b-1", 50_000, paris(LocalDate.of(2026, 12, 3), 9, 0), "SCT");

    Payoff payoff = payoffs.payoff("plat-a", "loan-2", LocalDate.of(2026, 12, 3)).orElseThrow();

    assertThat(payoff.interestCents()).isEqualTo(25);
    assertThat(payoff.totalCents()).isEqualTo(50_025);
  }

  @Test
  void aLoanNotPaidOutOrAnotherPlatformsHasNoPayoff() {
    jdbc.sql("update loans set paid_at = null, status = 'SCHEDULED' where id = 'loan-1'").update();
    assertThat(payoffs.payoff("plat-a", "loan-1", LocalDate.of(2026, 11, 1))).isEmpty();
    f.loan("loan-3", "plat-a", "b-1", 50_000, paris(LocalDate.of(2026, 12, 3), 9, 0), "SCT");
    assertThat(payoffs.payoff("plat-b", "loan-3", LocalDate.of(2026, 12, 10))).isEmpty();
  }
}
