package dev.avance.activities.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.common.Keyset;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.Environment;
import dev.avance.activities.reconciliation.IncomingCreditRepository.IncomingCreditRow;
import dev.avance.workflows.loan.BankAccount;
import dev.avance.workflows.loan.Invoice;
import dev.avance.workflows.loan.LoanActivities;
import dev.avance.workflows.loan.LoanPolicy;
import dev.avance.workflows.loan.LoanStatus;
import dev.avance.workflows.loan.LoanStatusChange;
import dev.avance.workflows.loan.RegisterLoan;
import dev.avance.workflows.loan.RequestLoan;
import dev.avance.workflows.payment.AssignCredit;
import dev.avance.workflows.payment.ClaimedCredit;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.IncomingCreditActivities;
import dev.avance.workflows.payment.SettleCredit;
import io.temporal.failure.ApplicationFailure;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Parking and assigning incoming credits ({@link IncomingCreditActivitiesImpl}) on PostgreSQL. */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IncomingCreditActivitiesTest extends RealPostgresTest {
  private static final String PLATFORM = "plat-a";
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  private static final LocalDate DUE = LocalDate.of(2026, 12, 27);
  private static final String IBAN_1 = "FR7630001007941234567890185";
  private static final String IBAN_2 = "FR7630004000031234567890143";

  @Autowired private IncomingCreditActivities activities;
  @Autowired private IncomingCreditRepository credits;
  @Autowired private LoanActivities loanActivities;
  @Autowired private LoanRepository loans;
  @Autowired private JdbcClient jdbc;

  private final IncomingCredit credit =
      new IncomingCredit("bank-1", IBAN_1, 15_000, "invoice 42, no reference", T0);

  @BeforeEach
  void cleanSlate() {
    jdbc.sql(
            "truncate table bank_incoming_credits, payments, domain_events, loans, borrowers,"
                + " platforms cascade")
        .update();
    TestRows rows = new TestRows(jdbc);
    rows.platform(PLATFORM, Environment.SANDBOX);
    rows.borrower("b-1", PLATFORM, "READY", IBAN_1, T0);
    rows.borrower("b-2", PLATFORM, "READY", IBAN_2, T0);
    loan("loan-1", "b-1", LoanStatus.TO_REPAY);
    loan("loan-2", "b-2", LoanStatus.TO_REPAY);
    loan("loan-3", "b-1", LoanStatus.CLOSED);
    jdbc.sql(
            """
            insert into bank_incoming_credits (bank_reference, to_iban, amount_cents,
                remittance_information, received_at)
            values (:ref, :iban, :amount, :info, :at)
            """)
        .param("ref", credit.bankReference())
        .param("iban", credit.toIban())
        .param("amount", credit.amountCents())
        .param("info", credit.remittanceInformation())
        .param("at", Timestamp.from(T0))
        .update();
  }

  private void loan(String id, String borrower, LoanStatus status) {
    loanActivities.register(
        new RegisterLoan(
            new RequestLoan(
                id,
                PLATFORM,
                borrower,
                "salt-" + id,
                "hash",
                50_000,
                new Invoice("F-" + id, 60_000, DUE.minusDays(60), DUE, null, null),
                null,
                new BankAccount("FR1420041010050500013M02606", null),
                DUE.minusDays(30),
                DUE,
                true,
                null,
                LoanPolicy.DEFAULT),
            "RF18" + id.replace("-", ""),
            T0));
    loanActivities.recordStatus(
        new LoanStatusChange(
            id,
            PLATFORM,
            status,
            null,
            50_000,
            DUE,
            T0,
            false,
            false,
            "SCT",
            "loan." + status,
            id + ":1",
            T0));
  }

  private IncomingCreditRow row() {
    return credits.findByReference("bank-1").orElseThrow();
  }

  private static String typeOf(ApplicationFailure failure) {
    return failure.getType();
  }

  @Test
  void anUnmatchedCreditIsParkedWithWhyAndItsBorrower() {
    activities.settle(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));

    IncomingCreditRow parked = row();
    assertThat(parked.status()).isEqualTo("PARKED");
    assertThat(parked.parkedReason()).isEqualTo("NO_MATCHING_REFERENCE");
    assertThat(parked.borrowerId()).isEqualTo("b-1");
    assertThat(parked.platformId()).isEqualTo(PLATFORM);
    assertThat(credits.find("PARKED", new Keyset(false, null, null, 10))).containsExactly(parked);
    assertThat(credits.find("MATCHED", new Keyset(false, null, null, 10))).isEmpty();
  }

  @Test
  void aParkedCreditIsClaimedForAnOpenLoanOfItsBorrowerThenMatchedOnce() {
    activities.settle(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));

    ClaimedCredit claimed = activities.claim(new AssignCredit("bank-1", "loan-1"));
    assertThat(claimed).isEqualTo(new ClaimedCredit(credit, PLATFORM));
    // Claiming changes nothing: the credit stays parked until the loan has been told.
    assertThat(row().status()).isEqualTo("PARKED");

    assertThat(activities.settle(new SettleCredit(credit, "loan-1", PLATFORM, null)).changed())
        .isTrue();
    assertThat(activities.settle(new SettleCredit(credit, "loan-1", PLATFORM, null)).changed())
        .isFalse();

    IncomingCreditRow matched = row();
    assertThat(matched.status()).isEqualTo("MATCHED");
    assertThat(matched.loanId()).isEqualTo("loan-1");
    assertThat(matched.parkedReason()).isEqualTo("NO_MATCHING_REFERENCE");
    assertThat(
            jdbc.sql("select count(*) from payments where payment_id = 'incoming:bank-1'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-1")))))
        .isEqualTo("CREDIT_NOT_PARKED");
  }

  @Test
  void aClaimIsRefusedForAnEndedLoanAnotherBorrowersLoanOrAnUnparkedCredit() {
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-1")))))
        .as("still RECEIVED, not parked")
        .isEqualTo("CREDIT_NOT_PARKED");
    activities.settle(new SettleCredit(credit, null, null, "NO_MATCHING_REFERENCE"));

    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-3")))))
        .isEqualTo("LOAN_NOT_OPEN");
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "no-such-loan")))))
        .isEqualTo("LOAN_NOT_OPEN");
    assertThat(
            typeOf(
                catchThrowableOfType(
                    ApplicationFailure.class,
                    () -> activities.claim(new AssignCredit("bank-1", "loan-2")))))
        .isEqualTo("INVALID_STATE");
    assertThat(row().status()).isEqualTo("PARKED");
  }
}
