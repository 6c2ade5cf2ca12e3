package dev.avance.banksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.bank.BankFile;
import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.CancellationResolution;
import dev.avance.bank.iso20022.CreditDebit;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import dev.avance.bank.iso20022.SddScheme;
import dev.avance.bank.iso20022.TransactionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentsTest extends SimulatorTestBase {
  private static final Duration STEP = Duration.ofMillis(200);

  @Test
  void anInstantPayoutIsAcknowledgedThenSettledWithinASecond() {
    send(payouts("P001-1", true, null, transfer("LOAN-1-PAYOUT", 150_000)));

    bank.tick();
    assertThat(receiver.received()).as("nothing before the ack delay").isEmpty();

    tickEvery(STEP, 1);
    assertThat(reports()).hasSize(1);
    PaymentStatusReport ack = reports().get(0);
    assertThat(ack.originalMessageId()).isEqualTo("P001-1");
    assertThat(ack.originalType()).isEqualTo(MessageType.PAIN_001);
    assertThat(ack.groupStatus()).isEqualTo(TransactionStatus.ACCP);
    assertThat(ack.transactions())
        .extracting(TransactionStatusEntry::originalEndToEndId, TransactionStatusEntry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("LOAN-1-PAYOUT", TransactionStatus.ACCP));
    assertThat(tx("LOAN-1-PAYOUT").status()).isEqualTo(SimulatedStatus.ACCEPTED);

    tickEvery(STEP, 3);
    assertThat(notifications()).as("not settled before the instant delay").isEmpty();
    assertThat(bank.balance(AVANCE)).isZero();

    tickEvery(STEP, 1);
    assertThat(notifications()).hasSize(1);
    DebitCreditNotification camt054 = notifications().get(0);
    assertThat(camt054.notifications().get(0).accountIban()).isEqualTo(AVANCE);
    AccountEntries.Entry entry = onlyEntry(camt054);
    assertThat(entry.amountCents()).isEqualTo(150_000);
    assertThat(entry.currency()).isEqualTo("EUR");
    assertThat(entry.creditDebit()).isEqualTo(CreditDebit.DBIT);
    assertThat(entry.reversal()).isFalse();
    assertThat(entry.status()).isEqualTo(EntryStatus.BOOK);
    assertThat(entry.code()).isEqualTo(BankTransactionCode.ISSUED_CREDIT_TRANSFER);
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2027, 3, 24));
    assertThat(entry.details())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.endToEndId()).isEqualTo("LOAN-1-PAYOUT");
              assertThat(d.amountCents()).isEqualTo(150_000);
              assertThat(d.counterparty().iban()).isEqualTo(SUPPLIER);
            });

    SimulatedTransaction settled = tx("LOAN-1-PAYOUT");
    assertThat(settled.status()).isEqualTo(SimulatedStatus.SETTLED);
    assertThat(entry.accountServicerReference()).isEqualTo(settled.bankReference());
    assertThat(bank.balance(AVANCE)).isEqualTo(-150_000);
    assertThat(bank.balance(SUPPLIER)).isEqualTo(150_000);
    assertThat(bank.settledTotal(Direction.OUT)).isEqualTo(150_000);
    assertThat(receiver.channels()).containsOnly(dev.avance.bank.Channel.SANDBOX);
  }

  @Test
  void aPayoutDueOnGoodFriday2027SettlesOnTheNextBusinessDayAfterEasterMonday() {
    send(payouts("P001-GF", false, LocalDate.of(2027, 3, 26), transfer("LOAN-GF", 80_000)));
    tickEvery(STEP, 1);
    assertThat(reports())
        .singleElement()
        .extracting(PaymentStatusReport::groupStatus)
        .isEqualTo(TransactionStatus.ACCP);

    tickAt("2027-03-26T12:00:00");
    tickAt("2027-03-29T23:59:59");
    assertThat(notifications())
        .as("Good Friday and Easter Monday are TARGET closing days")
        .isEmpty();
    assertThat(tx("LOAN-GF").status()).isEqualTo(SimulatedStatus.ACCEPTED);
    assertThat(tx("LOAN-GF").settlementDate()).isEqualTo(LocalDate.of(2027, 3, 30));

    tickAt("2027-03-30T00:00:00");
    AccountEntries.Entry entry = onlyEntry(notifications().get(0));
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2027, 3, 30));
    assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2027, 3, 30));
    assertThat(entry.amountCents()).isEqualTo(80_000);
    assertThat(bank.balance(AVANCE)).isEqualTo(-80_000);
  }

  @Test
  void aDirectDebitDueOnASaturdayIsCollectedOnMonday() {
    clock.set("2027-06-01T09:00:00");
    send(
        debits(
            "P008-SAT", SddScheme.CORE, LocalDate.of(2027, 6, 5), debit("LOAN-7-REPAY", 42_017)));
    tickEvery(STEP, 1);
    assertThat(reports())
        .singleElement()
        .extracting(PaymentStatusReport::groupStatus)
        .isEqualTo(TransactionStatus.ACCP);

    tickAt("2027-06-05T12:00:00");
    tickAt("2027-06-06T23:00:00");
    assertThat(notifications()).isEmpty();
    assertThat(bank.balance(AVANCE)).isZero();

    tickAt("2027-06-07T08:00:00");
    AccountEntries.Entry entry = onlyEntry(notifications().get(0));
    assertThat(entry.creditDebit()).isEqualTo(CreditDebit.CRDT);
    assertThat(entry.code()).isEqualTo(BankTransactionCode.COLLECTED_DIRECT_DEBIT);
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2027, 6, 7));
    assertThat(entry.amountCents()).isEqualTo(42_017);
    assertThat(entry.details())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.endToEndId()).isEqualTo("LOAN-7-REPAY");
              assertThat(d.mandateId()).isEqualTo("MDT-LOAN-7-REPAY");
              assertThat(d.counterparty().iban()).isEqualTo(BORROWER);
            });
    assertThat(notifications().get(0).notifications().get(0).accountIban()).isEqualTo(AVANCE);
    assertThat(bank.balance(AVANCE)).isEqualTo(42_017);
    assertThat(bank.balance(BORROWER)).isEqualTo(-42_017);
    assertThat(bank.settledTotal(Direction.DEBIT)).isEqualTo(42_017);
  }

  @Test
  void withDatedDelayADebitSettlesSecondsAfterItArrivedAndKeepsItsBusinessDay() {
    bank = simulator(BankSimulatorProperties.defaults().withDatedDelay(Duration.ofSeconds(2)));
    clock.set("2027-06-01T09:00:00");
    send(
        debits(
            "P008-FAST", SddScheme.CORE, LocalDate.of(2027, 6, 5), debit("LOAN-8-REPAY", 10_001)));
    tickAt("2027-06-01T09:00:01");
    assertThat(notifications()).isEmpty();

    tickAt("2027-06-01T09:00:03");
    AccountEntries.Entry entry = onlyEntry(notifications().get(0));
    assertThat(entry.amountCents()).isEqualTo(10_001);
    assertThat(bank.balance(AVANCE)).isEqualTo(10_001);
    // Still the Monday its calendar gives: the return windows count from it.
    assertThat(bank.transaction("LOAN-8-REPAY").orElseThrow().settlementDate())
        .isEqualTo(LocalDate.of(2027, 6, 7));
  }

  @Test
  void aB2bDebitIsBookedAsBbdd() {
    send(debits("P008-B2B", SddScheme.B2B, LocalDate.of(2027, 3, 25), debit("B2B-1", 9_900)));
    tickAt("2027-03-25T00:00:00");
    AccountEntries.Entry entry = onlyEntry(notifications().get(0));
    assertThat(entry.code()).isEqualTo(BankTransactionCode.COLLECTED_B2B_DIRECT_DEBIT);
    assertThat(tx("B2B-1").scheme()).isEqualTo(SddScheme.B2B);
  }

  @Test
  void theSameFileSentTwiceIsExecutedOnce() {
    var file =
        file(
            payouts(
                "P001-TWICE",
                false,
                LocalDate.of(2027, 3, 25),
                transfer("TWICE-A", 10_000),
                transfer("TWICE-B", 25_050)));
    bank.send(file);
    bank.send(file);
    bank.send(new BankFile(file.type(), file.messageId(), file.xml().clone()));

    tickAt("2027-03-25T10:00:00");
    tickAt("2027-03-26T10:00:00");
    assertThat(reports()).hasSize(1);
    assertThat(notifications()).hasSize(1);
    assertThat(notifications().get(0).notifications().get(0).entries())
        .extracting(AccountEntries.Entry::amountCents)
        .containsExactly(10_000L, 25_050L);
    assertThat(bank.transactions()).hasSize(2);
    assertThat(bank.balance(AVANCE)).isEqualTo(-35_050);
    assertThat(bank.balance(SUPPLIER)).isEqualTo(35_050);
  }

  @Test
  void aPaymentResentInAnotherFileIsRejectedAsADuplicateAndExecutedOnce() {
    send(payouts("P001-FIRST", true, null, transfer("DUP-1", 5_000)));
    send(payouts("P001-AGAIN", true, null, transfer("DUP-1", 5_000), transfer("NEW-2", 700)));
    tickEvery(STEP, 10);

    PaymentStatusReport again =
        reports().stream()
            .filter(r -> r.originalMessageId().equals("P001-AGAIN"))
            .findFirst()
            .orElseThrow();
    assertThat(again.groupStatus()).as("mixed statuses: no group status").isNull();
    assertThat(again.transactions())
        .extracting(
            TransactionStatusEntry::originalEndToEndId,
            TransactionStatusEntry::status,
            TransactionStatusEntry::reasonCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DUP-1", TransactionStatus.RJCT, "AM05"),
            org.assertj.core.groups.Tuple.tuple("NEW-2", TransactionStatus.ACCP, null));
    assertThat(tx("DUP-1").messageId()).isEqualTo("P001-FIRST");
    assertThat(bank.balance(AVANCE)).isEqualTo(-5_700);
    assertThat(bank.settledTotal(Direction.OUT)).isEqualTo(5_700);
  }

  @Test
  void aRejectRuleGivesRjctWithItsReasonAndNoPosting() {
    assertThat(bank.reject("FAIL-1", "AC04")).isEqualTo(Rejection.WHEN_RECEIVED);
    send(payouts("P001-FAIL", true, null, transfer("FAIL-1", 99_999)));
    tickEvery(STEP, 20);

    PaymentStatusReport ack = reports().get(0);
    assertThat(ack.groupStatus()).isEqualTo(TransactionStatus.RJCT);
    assertThat(ack.transactions())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.status()).isEqualTo(TransactionStatus.RJCT);
              assertThat(t.reasonCode()).isEqualTo("AC04");
              assertThat(t.amountCents()).isEqualTo(99_999L);
            });
    assertThat(notifications()).isEmpty();
    assertThat(tx("FAIL-1").status()).isEqualTo(SimulatedStatus.REJECTED);
    assertThat(tx("FAIL-1").reason()).isEqualTo("AC04");
    assertThat(bank.balance(AVANCE)).isZero();
    assertThat(bank.settledTotal(Direction.OUT)).isZero();
  }

  @Test
  void anAcceptedPaymentRejectedBeforeSettlementGetsAPain002RjctAndNeverSettles() {
    send(
        payouts(
            "P001-LATE",
            false,
            LocalDate.of(2027, 3, 25),
            transfer("LATE-1", 1_000),
            transfer("LATE-2", 2_000)));
    tickEvery(STEP, 1);
    assertThat(reports().get(0).groupStatus()).isEqualTo(TransactionStatus.ACCP);

    assertThat(bank.reject("LATE-1", "AM04")).isEqualTo(Rejection.REJECTED_NOW);
    assertThat(bank.reject("LATE-1", "MS03"))
        .as("a second reject keeps the first")
        .isEqualTo(Rejection.REJECTED_NOW);
    bank.tick();
    PaymentStatusReport rjct = reports().get(1);
    assertThat(rjct.originalMessageId()).isEqualTo("P001-LATE");
    assertThat(rjct.transactions())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.originalEndToEndId()).isEqualTo("LATE-1");
              assertThat(t.status()).isEqualTo(TransactionStatus.RJCT);
              assertThat(t.reasonCode()).isEqualTo("AM04");
            });

    tickAt("2027-03-25T09:00:00");
    assertThat(onlyEntry(notifications().get(0)).amountCents()).isEqualTo(2_000);
    assertThat(bank.balance(AVANCE)).isEqualTo(-2_000);
    assertThat(tx("LATE-1").reason()).isEqualTo("AM04");
    assertThatThrownBy(() -> bank.reject("LATE-2", "AC04"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SETTLED");
  }

  @Test
  void aPaymentRejectedBeforeItsAcknowledgementIsReportedRjctInTheFilesPain002() {
    send(payouts("P001-EARLY", true, null, transfer("EARLY-1", 3_000)));
    assertThat(bank.reject("EARLY-1", "AG01")).isEqualTo(Rejection.REJECTED_NOW);
    tickEvery(STEP, 10);
    assertThat(reports())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.groupStatus()).isEqualTo(TransactionStatus.RJCT);
              assertThat(r.transactions().get(0).reasonCode()).isEqualTo("AG01");
            });
    assertThat(notifications()).isEmpty();
  }

  @Test
  void aCancellationBeforeSettlementIsCnclAndTheDebitNeverSettles() {
    send(debits("P008-C", SddScheme.CORE, LocalDate.of(2027, 3, 31), debit("CANCEL-ME", 12_345)));
    tickEvery(STEP, 1);
    send(cancellation("C055-1", "P008-C", MessageType.PAIN_008, "CANCEL-ME", 12_345));
    tickEvery(STEP, 1);

    var camt029 = receiver.received(CancellationResolution.class);
    assertThat(camt029)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(CancellationResolution.Status.CNCL);
              assertThat(r.caseId()).isEqualTo("CASE-C055-1");
              assertThat(r.originalEndToEndId()).isEqualTo("CANCEL-ME");
              assertThat(r.originalMessageId()).isEqualTo("P008-C");
            });
    tickAt("2027-04-01T10:00:00");
    assertThat(notifications()).isEmpty();
    assertThat(tx("CANCEL-ME").status()).isEqualTo(SimulatedStatus.CANCELLED);
    assertThat(bank.balance(AVANCE)).isZero();
    assertThatThrownBy(() -> bank.reject("CANCEL-ME", "AC04"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCancellationAfterSettlementIsRejectedArdt() {
    send(debits("P008-S", SddScheme.CORE, LocalDate.of(2027, 3, 25), debit("TOO-LATE", 4_000)));
    tickAt("2027-03-25T10:00:00");
    assertThat(notifications()).hasSize(1);
    send(cancellation("C055-2", "P008-S", MessageType.PAIN_008, "TOO-LATE", 4_000));
    send(cancellation("C055-3", "P008-S", MessageType.PAIN_008, "NEVER-SENT", 4_000));
    tickEvery(STEP, 1);

    assertThat(receiver.received(CancellationResolution.class))
        .extracting(
            CancellationResolution::originalEndToEndId,
            CancellationResolution::status,
            CancellationResolution::reasonCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "TOO-LATE", CancellationResolution.Status.RJCR, "ARDT"),
            org.assertj.core.groups.Tuple.tuple(
                "NEVER-SENT", CancellationResolution.Status.RJCR, "NOOR"));
    assertThat(tx("TOO-LATE").status()).isEqualTo(SimulatedStatus.SETTLED);
    assertThat(bank.balance(AVANCE)).isEqualTo(4_000);
  }

  @Test
  void anInvalidFileIsRefusedWithIllegalArgumentAndNothingIsStored() {
    assertThatThrownBy(
            () ->
                bank.send(
                    new BankFile(
                        MessageType.PAIN_001, "BAD", "<nope/>".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class);
    var pain001 = payouts("P001-T", true, null, transfer("T-1", 100));
    assertThatThrownBy(
            () -> bank.send(new BankFile(MessageType.PAIN_008, "P001-T", Iso20022.write(pain001))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pain.001");
    assertThatThrownBy(
            () ->
                bank.send(new BankFile(MessageType.PAIN_001, "OTHER-ID", Iso20022.write(pain001))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("message id");
    tickEvery(STEP, 10);
    assertThat(bank.transactions()).isEmpty();
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void everythingAtOnceLeavesABalancedLedgerWithTheRightBalances() {
    send(payouts("ALL-1", true, null, transfer("ALL-P1", 10_000), transfer("ALL-P2", 20_000)));
    send(
        debits(
            "ALL-2",
            SddScheme.CORE,
            LocalDate.of(2027, 3, 25),
            debit("ALL-D1", 7_000),
            debit("ALL-D2", 3_000)));
    bank.reject("ALL-P2", "AC04");
    String ref =
        bank.incomingTransfer(
            AVANCE, 50_000, BORROWER, "Emprunteur SARL", null, "RF18539007547034", null);
    tickEvery(STEP, 10);
    tickAt("2027-03-25T10:00:00");
    bank.returnDirectDebit("ALL-D2", "AM04");
    bank.tick();

    assertThat(bank.balance(AVANCE)).isEqualTo(-10_000 + 7_000 + 50_000);
    assertThat(bank.balance(SUPPLIER)).isEqualTo(10_000);
    assertThat(bank.balance(BORROWER)).isEqualTo(-7_000 - 50_000);
    assertThat(bank.settledTotal(Direction.OUT)).isEqualTo(10_000);
    assertThat(bank.settledTotal(Direction.DEBIT)).isEqualTo(7_000);
    assertThat(bank.settledTotal(Direction.IN)).isEqualTo(50_000);
    assertThat(bank.transactionByBankReference(ref).orElseThrow().direction())
        .isEqualTo(Direction.IN);
    assertThat(bank.ledgerSum()).isZero();
    long camtTotal =
        notifications().stream()
            .flatMap(n -> n.notifications().stream())
            .flatMap(n -> n.entries().stream())
            .mapToLong(
                e -> e.creditDebit() == CreditDebit.CRDT ? e.amountCents() : -e.amountCents())
            .sum();
    assertThat(camtTotal)
        .as("what the camt.054s told Avance = its balance")
        .isEqualTo(bank.balance(AVANCE));
  }
}
