package dev.avance.activities.payment;

import static dev.avance.activities.bank.BankTestFiles.AVANCE_IBAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.MutableClockConfiguration;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.bank.BankConnectors;
import dev.avance.activities.bank.BankInbox;
import dev.avance.activities.bank.BankMessageRepository;
import dev.avance.activities.bank.BankMessageRepository.BankMessageRow;
import dev.avance.activities.bank.BankMessageRepository.Direction;
import dev.avance.activities.bank.BankOutbox;
import dev.avance.activities.bank.BankOutboxSender;
import dev.avance.activities.bank.BankTestConfiguration;
import dev.avance.activities.bank.BankTestFiles;
import dev.avance.activities.bank.BankTestFiles.Booking;
import dev.avance.activities.bank.EndToEndIds;
import dev.avance.activities.bank.RecordingBankConnector;
import dev.avance.bank.BankConnector;
import dev.avance.bank.BankFile;
import dev.avance.bank.BankUnavailableException;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.CancellationRequest;
import dev.avance.bank.iso20022.CancellationResolution;
import dev.avance.bank.iso20022.CreditTransferInitiation;
import dev.avance.bank.iso20022.CreditTransferInitiation.CreditTransfer;
import dev.avance.bank.iso20022.DirectDebitInitiation;
import dev.avance.bank.iso20022.DirectDebitInitiation.DirectDebit;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.SddScheme;
import dev.avance.bank.iso20022.SequenceType;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.payment.PaymentRef;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.payment.PaymentType;
import dev.avance.workflows.payment.PaymentView;
import dev.avance.workflows.rules.LoanReferences;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@link PaymentActivitiesImpl} on a real PostgreSQL with the production outbox, sender and
 * connectors: the live channel writes to a drop folder in a temporary directory, the sandbox
 * channel reaches a {@link RecordingBankConnector} under the bank simulator's bean name. What the
 * bank answers is fed to the real {@link BankInbox}.
 */
@SpringBootTest(
    classes = {
      CreditTestApplication.class,
      MutableClockConfiguration.class,
      BankTestConfiguration.class
    },
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"spring.flyway.locations=classpath:db/migration", "avance.bank.await-poll=0s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PaymentActivitiesTest extends RealPostgresTest {
  private static final Path DROP = BankTestFiles.tempDropFolder();
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String LIVE = "plat-live";
  private static final String SANDBOX = "plat-sbx";
  private static final String PAYEE_IBAN = "FR1420041010050500013M02606";
  private static final String DEBTOR_IBAN = "FR7630004000031234567890143";
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final Instant SIGNED = Instant.parse("2026-01-15T10:00:00Z");

  @Autowired private PaymentActivities payments;
  @Autowired private java.time.Clock clock;
  @Autowired private PaymentRepository repository;
  @Autowired private BankMessageRepository messages;
  @Autowired private BankInbox inbox;
  @Autowired private BankOutbox outbox;
  @Autowired private BankOutboxSender sender;
  @Autowired private RecordingBankConnector simulator;
  @Autowired private PlatformTransactionManager transactions;
  @Autowired private JdbcClient jdbc;

  @DynamicPropertySource
  static void dropFolder(DynamicPropertyRegistry registry) {
    registry.add("avance.bank.drop-folder", DROP::toString);
  }

  @BeforeEach
  void cleanSlate() throws IOException {
    jdbc.sql(
            "truncate table bank_entries, bank_messages, payments, bank_incoming_credits,"
                + " repayment_methods, borrowers, platforms cascade")
        .update();
    FileSystemUtils.deleteRecursively(DROP.resolve("out"));
    simulator.reset();
    TestRows rows = new TestRows(jdbc);
    rows.platform(LIVE);
    rows.sandboxPlatform(SANDBOX, LIVE);
    rows.borrower("b-1", LIVE, "READY", null, AT);
    rows.borrowerName("b-1", "Fournitures Dupont SARL");
    rows.mandate("b-1", LIVE, "DIRECT_DEBIT", "MANDATE-b-1", DEBTOR_IBAN, SIGNED);
    rows.borrower("b-2", LIVE, "READY", null, AT);
    rows.borrowerName("b-2", "Garage du Centre");
    rows.mandate("b-2", LIVE, "SCT", "MANDATE-b-2", DEBTOR_IBAN, SIGNED);
    rows.borrower("b-s", SANDBOX, "READY", null, AT);
    rows.borrowerName("b-s", "Sandbox SARL");
  }

  // ---------------------------------------------------------------------------------------------
  // instruct: the row and its file

  @Test
  void aPayoutOnALaterDayIsInstructedWithOneDatedCreditTransferCarryingItsEndToEndId() {
    LocalDate execution = LocalDate.of(2026, 3, 5);

    PaymentView view = payments.instruct(payout("loan-1", LIVE, "b-1", 1_234_567, execution));

    assertThat(view.status()).isEqualTo(PaymentStatus.INSTRUCTED);
    assertThat(view.amountCents()).isEqualTo(1_234_567);
    assertThat(view.instructedAt()).isEqualTo(AT);
    BankMessageRow file = onlyOutgoing();
    assertThat(file.type()).isEqualTo(MessageType.PAIN_001.code());
    assertThat(file.channel()).isEqualTo(Channel.LIVE);
    assertThat(file.messageId()).isEqualTo(EndToEndIds.messageOf("loan-1:payout"));
    assertThat(file.entries()).isEqualTo(1);
    CreditTransferInitiation message = (CreditTransferInitiation) read(file);
    assertThat(message.instant()).as("SCT Inst only when due today").isFalse();
    assertThat(message.requestedExecutionDate()).isEqualTo(execution);
    assertThat(message.debtor().iban()).isEqualTo(AVANCE_IBAN);
    CreditTransfer transfer = message.transfers().get(0);
    assertThat(message.transfers()).hasSize(1);
    assertThat(transfer.endToEndId()).isEqualTo(EndToEndIds.of("loan-1:payout"));
    assertThat(transfer.amountCents()).isEqualTo(1_234_567);
    assertThat(transfer.creditor())
        .isEqualTo(new Party("Fournitures Dupont SARL", PAYEE_IBAN, null));
    assertThat(transfer.remittance().unstructured())
        .isEqualTo("AVANCE " + LoanReferences.remittanceReference("loan-1"));
    Map<String, Object> row = paymentRow("loan-1:payout");
    assertThat(row)
        .containsEntry("channel", "LIVE")
        .containsEntry("end_to_end_id", EndToEndIds.of("loan-1:payout"))
        .containsEntry("message_id", file.id())
        .containsEntry("bank_status", "SENT")
        .containsEntry("scheme", null);
  }

  @Test
  void aPayoutDueTodayIsAnInstantCreditTransferOfToday() {
    PaymentView view = payments.instruct(payout("loan-1", LIVE, "b-1", 50_000, TODAY));

    // The bank has not answered within the (zero) poll bound: the caller awaits the outcome.
    assertThat(view.status()).isEqualTo(PaymentStatus.INSTRUCTED);
    CreditTransferInitiation message = (CreditTransferInitiation) read(onlyOutgoing());
    assertThat(message.instant()).isTrue();
    assertThat(message.requestedExecutionDate()).isEqualTo(TODAY);
    assertThat(message.transfers().get(0).amountCents()).isEqualTo(50_000);
  }

  @Test
  void aDirectDebitIsACoreCollectionUnderItsMandateFirstThenRecurrentAfterOneWasPaid() {
    LocalDate collection = LocalDate.of(2026, 3, 10);
    payments.instruct(
        debit("loan-1:debit:1", "loan-1", LIVE, "b-1", 40_000, "MANDATE-b-1", collection));

    DirectDebitInitiation first = (DirectDebitInitiation) read(outgoing().get(0));
    assertThat(first.scheme()).isEqualTo(SddScheme.CORE);
    assertThat(first.sequenceType()).isEqualTo(SequenceType.FRST);
    assertThat(first.collectionDate()).isEqualTo(collection);
    assertThat(first.creditor().iban()).isEqualTo(AVANCE_IBAN);
    assertThat(first.creditorSchemeId()).isEqualTo("FR72ZZZ123456");
    DirectDebit debit = first.debits().get(0);
    assertThat(first.debits()).hasSize(1);
    assertThat(debit.endToEndId()).isEqualTo(EndToEndIds.of("loan-1:debit:1"));
    assertThat(debit.amountCents()).isEqualTo(40_000);
    assertThat(debit.mandateId()).isEqualTo("MANDATE-b-1");
    assertThat(debit.mandateSignedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(debit.debtor()).isEqualTo(new Party("Fournitures Dupont SARL", DEBTOR_IBAN, null));
    assertThat(debit.remittance().creditorReference())
        .isEqualTo(LoanReferences.remittanceReference("loan-1"));
    assertThat(paymentRow("loan-1:debit:1"))
        .containsEntry("scheme", "CORE")
        .containsEntry("sequence_type", "FRST");

    // Another debit while the first is still in flight: no collection settled yet, still FRST.
    payments.instruct(
        debit("loan-2:debit:1", "loan-2", LIVE, "b-1", 10_000, "MANDATE-b-1", collection));
    assertThat(((DirectDebitInitiation) read(outgoing().get(1))).sequenceType())
        .isEqualTo(SequenceType.FRST);

    settle("CAMT-1", "loan-1:debit:1", 40_000, collection, true);
    assertThat(repository.find("loan-1:debit:1").orElseThrow().status())
        .isEqualTo(PaymentStatus.PAID);

    payments.instruct(
        debit("loan-3:debit:1", "loan-3", LIVE, "b-1", 20_000, "MANDATE-b-1", collection));
    DirectDebitInitiation third = (DirectDebitInitiation) read(outgoing().get(2));
    assertThat(third.sequenceType()).isEqualTo(SequenceType.RCUR);
    assertThat(third.debits().get(0).amountCents()).isEqualTo(20_000);
    assertThat(paymentRow("loan-3:debit:1")).containsEntry("sequence_type", "RCUR");
  }

  @Test
  void aWalletMandateIsCollectedAsABusinessToBusinessDebit() {
    payments.instruct(
        debit("loan-1:debit:1", "loan-1", LIVE, "b-2", 40_000, "MANDATE-b-2", TODAY.plusDays(7)));

    DirectDebitInitiation message = (DirectDebitInitiation) read(onlyOutgoing());
    assertThat(message.scheme()).isEqualTo(SddScheme.B2B);
    assertThat(message.debits().get(0).debtor().name()).isEqualTo("Garage du Centre");
    assertThat(paymentRow("loan-1:debit:1")).containsEntry("scheme", "B2B");
  }

  @Test
  void theSameInstructionTwiceWritesNothingMoreAndAnswersTheRecordedPayment() {
    PaymentView first = payments.instruct(payout("loan-1", LIVE, "b-1", 50_000, TODAY.plusDays(2)));
    InstructPayment changed =
        new InstructPayment(
            "loan-1:payout",
            "loan-1",
            LIVE,
            "b-1",
            PaymentType.PAYOUT,
            99_999,
            DEBTOR_IBAN,
            null,
            null,
            null,
            TODAY.plusDays(9),
            AT.plusSeconds(60));

    PaymentView second = payments.instruct(changed);

    assertThat(second).isEqualTo(first);
    assertThat(second.amountCents()).isEqualTo(50_000);
    assertThat(outgoing()).hasSize(1);
    assertThat(dropped()).hasSize(1);
    assertThat(count("select count(*) from payments")).isEqualTo(1);
  }

  @Test
  void aPaymentIdRecordedForAnotherLoanIsAnInvalidState() {
    payments.instruct(payout("loan-1", LIVE, "b-1", 50_000, TODAY.plusDays(2)));
    InstructPayment otherLoan =
        new InstructPayment(
            "loan-1:payout",
            "loan-2",
            LIVE,
            "b-1",
            PaymentType.PAYOUT,
            50_000,
            PAYEE_IBAN,
            null,
            null,
            null,
            TODAY.plusDays(2),
            AT);

    Throwable refused = catchThrowable(() -> payments.instruct(otherLoan));

    assertThat(refused).isInstanceOf(ApplicationFailure.class);
    assertThat(((ApplicationFailure) refused).getType())
        .isEqualTo(FailureType.INVALID_STATE.type());
    assertThat(((ApplicationFailure) refused).isNonRetryable()).isTrue();
    assertThat(outgoing()).hasSize(1);
    assertThat(paymentRow("loan-1:payout")).containsEntry("loan_id", "loan-1");
  }

  // ---------------------------------------------------------------------------------------------
  // The file leaves after the commit, at least once

  @Test
  void theLiveFileIsInTheDropFolderOnceCommittedAndMarkedSent() throws IOException {
    payments.instruct(payout("loan-1", LIVE, "b-1", 50_000, TODAY.plusDays(2)));

    BankMessageRow file = onlyOutgoing();
    assertThat(file.status()).isEqualTo("SENT");
    assertThat(file.attempts()).isEqualTo(1);
    assertThat(file.sentAt()).isNotNull();
    assertThat(dropped()).hasSize(1);
    Path written = dropped().get(0);
    assertThat(written.getFileName().toString())
        .isEqualTo("pain.001.001.10." + EndToEndIds.messageOf("loan-1:payout") + ".xml");
    assertThat(Files.readAllBytes(written)).isEqualTo(messages.xml(file.id()).orElseThrow());
    assertThat(simulator.files()).as("never the sandbox's bank").isEmpty();
  }

  @Test
  void aSandboxPlatformsFileGoesToTheSimulatorAndNeverToTheLiveBank() {
    payments.instruct(payout("loan-s", SANDBOX, "b-s", 7_000, TODAY.plusDays(2)));

    BankMessageRow file = onlyOutgoing();
    assertThat(file.channel()).isEqualTo(Channel.SANDBOX);
    assertThat(file.status()).isEqualTo("SENT");
    assertThat(simulator.files()).hasSize(1);
    BankFile sent = simulator.files().get(0);
    assertThat(sent.type()).isEqualTo(MessageType.PAIN_001);
    assertThat(sent.messageId()).isEqualTo(EndToEndIds.messageOf("loan-s:payout"));
    assertThat(sent.xml()).isEqualTo(messages.xml(file.id()).orElseThrow());
    assertThat(dropped()).as("nothing in the live bank's folder").isEmpty();
    assertThat(paymentRow("loan-s:payout")).containsEntry("channel", "SANDBOX");
  }

  @Test
  void aChannelWithoutItsConnectorCannotSendAndNeverFallsBackOnTheOther() {
    BankConnector live = file -> {};
    BankConnectors liveOnly = new BankConnectors(Map.of(BankConnectors.LIVE, live));

    assertThat(liveOnly.of(Channel.LIVE)).isSameAs(live);
    assertThatThrownBy(() -> liveOnly.of(Channel.SANDBOX))
        .isInstanceOf(BankUnavailableException.class);
    assertThatThrownBy(
            () -> new BankConnectors(Map.of(BankConnectors.SANDBOX, live)).of(Channel.LIVE))
        .isInstanceOf(BankUnavailableException.class);
  }

  @Test
  void aFileTheBankCannotTakeStaysPendingWithItsErrorUntilTheRelaySendsIt() {
    simulator.down(true);

    PaymentView view =
        payments.instruct(payout("loan-s", SANDBOX, "b-s", 7_000, TODAY.plusDays(2)));

    // The payment is recorded all the same: the file is the relay's to send.
    assertThat(view.status()).isEqualTo(PaymentStatus.INSTRUCTED);
    BankMessageRow pending = onlyOutgoing();
    assertThat(pending.status()).isEqualTo("PENDING");
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.lastError()).startsWith("BankUnavailableException: the test bank is down");
    assertThat(pending.sentAt()).isNull();
    assertThat(sender.sendPending()).as("still down").isZero();
    assertThat(onlyOutgoing().attempts()).isEqualTo(2);
    assertThat(simulator.files()).isEmpty();

    simulator.down(false);
    assertThat(sender.sendPending()).isEqualTo(1);
    assertThat(sender.sendPending()).as("nothing left").isZero();

    BankMessageRow sent = onlyOutgoing();
    assertThat(sent.status()).isEqualTo("SENT");
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(sent.lastError()).isNull();
    assertThat(simulator.files()).hasSize(1);
    assertThat(simulator.files().get(0).xml()).isEqualTo(messages.xml(sent.id()).orElseThrow());
  }

  /** Invariant 6: one file the bank refuses never holds back the files behind it. */
  @Test
  void aFileOfAChannelWhoseBankIsDownNeverHoldsBackTheOtherChannelsFiles() throws IOException {
    simulator.down(true);
    payments.instruct(payout("loan-s", SANDBOX, "b-s", 7_000, TODAY.plusDays(2)));
    // The live drop folder cannot be written either (its out/ is a file): both stay PENDING.
    Files.createDirectories(DROP);
    Files.writeString(DROP.resolve("out"), "not a folder");
    payments.instruct(payout("loan-1", LIVE, "b-1", 50_000, TODAY.plusDays(2)));
    assertThat(outgoing()).extracting(BankMessageRow::status).containsExactly("PENDING", "PENDING");
    Files.delete(DROP.resolve("out"));

    // The oldest pending file is the sandbox's, whose bank is still down.
    assertThat(sender.sendPending()).isEqualTo(1);

    assertThat(outgoing())
        .extracting(BankMessageRow::channel, BankMessageRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Channel.SANDBOX, "PENDING"),
            org.assertj.core.groups.Tuple.tuple(Channel.LIVE, "SENT"));
    assertThat(dropped()).hasSize(1);
    simulator.down(false);
    assertThat(sender.sendPending()).isEqualTo(1);
    assertThat(outgoing()).extracting(BankMessageRow::status).containsExactly("SENT", "SENT");
  }

  @Test
  void aTransactionThatRollsBackSendsNothing() {
    CreditTransferInitiation message =
        new CreditTransferInitiation(
            "ROLLED-BACK-1",
            AT,
            new Party("Avance SAS", AVANCE_IBAN, null),
            false,
            TODAY.plusDays(1),
            List.of(
                new CreditTransfer(
                    "E2E-ROLLED-BACK", 1_000, new Party("X", PAYEE_IBAN, null), null)));
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(
        status -> {
          outbox.write(Channel.SANDBOX, message, 1, AT);
          status.setRollbackOnly();
        });

    assertThat(outgoing()).isEmpty();
    assertThat(simulator.files()).isEmpty();
    assertThat(sender.sendPending()).isZero();
    assertThat(simulator.files()).isEmpty();
    // And outside a transaction there is no commit to wait for: refused.
    assertThatThrownBy(() -> outbox.write(Channel.SANDBOX, message, 1, AT))
        .isInstanceOf(IllegalStateException.class);
    assertThat(outgoing()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // awaitOutcome and cancel read what the inbox wrote

  @Test
  void aPendingPaymentIsLookedAtAgainWhenTheBankCanHaveAnswered() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Europe/Paris"));
    PaymentActivitiesImpl impl =
        (PaymentActivitiesImpl) AopTestUtils.getUltimateTargetObject(payments);
    // Due in a week: hourly until then.
    assertThat(impl.nextLook(today.plusDays(7), now)).isEqualTo(Duration.ofHours(1));
    // An SCT Inst sent just now: seconds, whether or not it names today as its date.
    assertThat(impl.nextLook(null, now)).isEqualTo(Duration.ofSeconds(2));
    assertThat(impl.nextLook(today, now)).isEqualTo(Duration.ofSeconds(2));
    // Late by 20 minutes: a tenth of that.
    assertThat(impl.nextLook(null, now.minus(Duration.ofMinutes(20))))
        .isEqualTo(Duration.ofMinutes(2));
    // Late by days: every ten minutes, never less often.
    assertThat(impl.nextLook(today.minusDays(3), now.minus(Duration.ofDays(6))))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void awaitingAnOutcomeFailsRetryablyUntilTheInboxAppliedOne() {
    payments.instruct(payout("loan-1", LIVE, "b-1", 50_000, TODAY.plusDays(2)));
    PaymentRef ref = new PaymentRef("loan-1:payout");

    Throwable pending = catchThrowable(() -> payments.awaitOutcome(ref));
    assertThat(pending)
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("still pending at the bank");
    ApplicationFailure failure = (ApplicationFailure) pending;
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PAYMENT_PENDING");
    // A wait, not an error: no warning and no failure metric per look.
    assertThat(failure.getCategory())
        .isEqualTo(io.temporal.failure.ApplicationErrorCategory.BENIGN);
    // Executed in two days: look again in an hour at most, not in a second.
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofHours(1));
    // An accepted payment is not settled yet.
    inbox.apply(
        Channel.LIVE,
        BankTestFiles.status(
            "PSR-1",
            EndToEndIds.of("loan-1:payout"),
            dev.avance.bank.iso20022.TransactionStatus.ACCP,
            null));
    assertThat(catchThrowable(() -> payments.awaitOutcome(ref)))
        .isInstanceOf(ApplicationFailure.class);

    LocalDate booked = LocalDate.of(2026, 3, 4);
    settle("CAMT-1", "loan-1:payout", 50_000, booked, false);

    PaymentView paid = payments.awaitOutcome(ref);
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(paid.amountCents()).isEqualTo(50_000);
    assertThat(paid.paidAt()).isEqualTo(booked.atStartOfDay(PARIS).toInstant());
    assertThat(paymentRow("loan-1:payout")).containsEntry("settled_amount_cents", 50_000L);
  }

  @Test
  void awaitingAnUnknownPaymentIsAnInvalidState() {
    Throwable unknown = catchThrowable(() -> payments.awaitOutcome(new PaymentRef("nope")));

    assertThat(unknown).isInstanceOf(ApplicationFailure.class);
    assertThat(((ApplicationFailure) unknown).getType())
        .isEqualTo(FailureType.INVALID_STATE.type());
    assertThat(((ApplicationFailure) unknown).isNonRetryable()).isTrue();
  }

  @Test
  void cancelWritesOneWithdrawalRequestAndAnswersCanceledOnceTheBankCancelled() {
    payments.instruct(
        debit("loan-1:debit:1", "loan-1", LIVE, "b-1", 40_000, "MANDATE-b-1", TODAY.plusDays(7)));
    PaymentRef ref = new PaymentRef("loan-1:debit:1");

    assertThat(catchThrowable(() -> payments.cancel(ref)))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("has not answered");
    assertThat(catchThrowable(() -> payments.cancel(ref))).isInstanceOf(ApplicationFailure.class);

    List<BankMessageRow> withdrawals =
        outgoing().stream().filter(m -> m.type().equals(MessageType.CAMT_055.code())).toList();
    assertThat(withdrawals).as("asked once, however often cancel is retried").hasSize(1);
    assertThat(withdrawals.get(0).status()).isEqualTo("SENT");
    CancellationRequest request = (CancellationRequest) read(withdrawals.get(0));
    String caseId = EndToEndIds.cancellationOf("loan-1:debit:1");
    assertThat(request.messageId()).isEqualTo(caseId);
    assertThat(request.caseId()).isEqualTo(caseId);
    assertThat(request.originalEndToEndId()).isEqualTo(EndToEndIds.of("loan-1:debit:1"));
    assertThat(request.originalMessageId()).isEqualTo(EndToEndIds.messageOf("loan-1:debit:1"));
    assertThat(request.originalType()).isEqualTo(MessageType.PAIN_008);
    assertThat(request.amountCents()).isEqualTo(40_000);
    assertThat(paymentRow("loan-1:debit:1").get("cancel_message_id"))
        .isEqualTo(withdrawals.get(0).id());

    inbox.apply(
        Channel.LIVE,
        BankTestFiles.resolution(
            "CAMT029-1",
            caseId,
            CancellationResolution.Status.CNCL,
            EndToEndIds.of("loan-1:debit:1"),
            null));

    PaymentView canceled = payments.cancel(ref);
    assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(payments.awaitOutcome(ref).status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(outgoing()).hasSize(2);
  }

  @Test
  void aRefusedWithdrawalAnswersThePaymentAsItIsAndItGoesOnToBePaid() {
    payments.instruct(
        debit("loan-1:debit:1", "loan-1", LIVE, "b-1", 40_000, "MANDATE-b-1", TODAY.plusDays(7)));
    PaymentRef ref = new PaymentRef("loan-1:debit:1");
    catchThrowable(() -> payments.cancel(ref));

    inbox.apply(
        Channel.LIVE,
        BankTestFiles.resolution(
            "CAMT029-1",
            EndToEndIds.cancellationOf("loan-1:debit:1"),
            CancellationResolution.Status.RJCR,
            EndToEndIds.of("loan-1:debit:1"),
            "ARDT"));

    PaymentView refused = payments.cancel(ref);
    assertThat(refused.status()).isEqualTo(PaymentStatus.INSTRUCTED);
    assertThat(paymentRow("loan-1:debit:1")).containsEntry("bank_status", "CANCEL_REFUSED");
    assertThat(payments.cancel(ref).status())
        .as("asked again: the same answer")
        .isEqualTo(PaymentStatus.INSTRUCTED);

    settle("CAMT-1", "loan-1:debit:1", 40_000, TODAY.plusDays(7), true);

    assertThat(payments.awaitOutcome(ref).status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payments.cancel(ref).status()).isEqualTo(PaymentStatus.PAID);
    assertThat(
            outgoing().stream().filter(m -> m.type().equals(MessageType.CAMT_055.code())).count())
        .isEqualTo(1);
  }

  @Test
  void aPaidPaymentIsNotWithdrawn() {
    payments.instruct(payout("loan-1", LIVE, "b-1", 50_000, TODAY.plusDays(2)));
    settle("CAMT-1", "loan-1:payout", 50_000, TODAY.plusDays(2), false);

    PaymentView view = payments.cancel(new PaymentRef("loan-1:payout"));

    assertThat(view.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(outgoing())
        .extracting(BankMessageRow::type)
        .containsExactly(MessageType.PAIN_001.code());
  }

  // ---------------------------------------------------------------------------------------------

  private static InstructPayment payout(
      String loanId, String platformId, String borrowerId, long amountCents, LocalDate execution) {
    return new InstructPayment(
        loanId + ":payout",
        loanId,
        platformId,
        borrowerId,
        PaymentType.PAYOUT,
        amountCents,
        PAYEE_IBAN,
        null,
        null,
        LoanReferences.remittanceReference(loanId),
        execution,
        AT);
  }

  private static InstructPayment debit(
      String paymentId,
      String loanId,
      String platformId,
      String borrowerId,
      long amountCents,
      String mandate,
      LocalDate collection) {
    return new InstructPayment(
        paymentId,
        loanId,
        platformId,
        borrowerId,
        PaymentType.DIRECT_DEBIT,
        amountCents,
        DEBTOR_IBAN,
        null,
        mandate,
        LoanReferences.remittanceReference(loanId),
        collection,
        AT);
  }

  /** The bank books the payment on Avance's account: a collection in, a transfer out. */
  private void settle(
      String messageId, String paymentId, long amountCents, LocalDate day, boolean collected) {
    Booking booking =
        (collected
                ? Booking.credit("REF-" + messageId, amountCents)
                : Booking.debit("REF-" + messageId, amountCents))
            .endToEndId(EndToEndIds.of(paymentId))
            .on(day);
    inbox.apply(Channel.LIVE, BankTestFiles.notification(messageId, AVANCE_IBAN, booking));
  }

  private List<BankMessageRow> outgoing() {
    return messages.list(Direction.OUT, null, true, null, 100);
  }

  private BankMessageRow onlyOutgoing() {
    List<BankMessageRow> out = outgoing();
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  /** The file as stored, read back through the XSD: what the bank receives is valid. */
  private BankMessage read(BankMessageRow file) {
    return Iso20022.read(messages.xml(file.id()).orElseThrow());
  }

  private List<Path> dropped() {
    Path out = DROP.resolve("out");
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Map<String, Object> paymentRow(String paymentId) {
    return jdbc.sql("select * from payments where payment_id = :id")
        .param("id", paymentId)
        .query()
        .singleRow();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
