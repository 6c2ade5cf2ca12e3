package dev.avance.banksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.CreditDebit;
import dev.avance.bank.iso20022.SddScheme;
import dev.avance.bank.iso20022.TransactionStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ReturnsAndCreditsTest extends SimulatorTestBase {

  /** A CORE or B2B debit collected on Thursday 25 March 2027, the day before Good Friday. */
  private void collected(String endToEndId, SddScheme scheme, long cents) {
    send(debits("P008-" + endToEndId, scheme, LocalDate.of(2027, 3, 25), debit(endToEndId, cents)));
    if (BankSimulator.day(clock.instant()).isBefore(LocalDate.of(2027, 3, 25))) {
      clock.set("2027-03-25T10:00:00");
    }
    tickEvery(Duration.ofSeconds(1), 1);
    assertThat(tx(endToEndId).status()).isEqualTo(SimulatedStatus.SETTLED);
    receiver.clear();
  }

  @Test
  void aCoreDebitReturnedWithinFiveBusinessDaysIsReversedAndNotified() {
    collected("RET-1", SddScheme.CORE, 30_000);
    assertThat(bank.balance(AVANCE)).isEqualTo(30_000);

    // 5 TARGET business days after Thursday 25 March: Good Friday and Easter Monday do not count.
    clock.set("2027-04-05T16:00:00");
    SimulatedTransaction returned = bank.returnDirectDebit("RET-1", "AM04");
    assertThat(returned.status()).isEqualTo(SimulatedStatus.RETURNED);
    assertThat(returned.reason()).isEqualTo("AM04");
    bank.tick();

    AccountEntries.Entry entry = onlyEntry(notifications().get(0));
    assertThat(notifications().get(0).notifications().get(0).accountIban()).isEqualTo(AVANCE);
    assertThat(entry.creditDebit()).isEqualTo(CreditDebit.DBIT);
    assertThat(entry.reversal()).isTrue();
    assertThat(entry.code()).isEqualTo(BankTransactionCode.UNPAID_DIRECT_DEBIT);
    assertThat(entry.amountCents()).isEqualTo(30_000);
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2027, 4, 5));
    assertThat(entry.accountServicerReference()).isNotEqualTo(returned.bankReference());
    assertThat(entry.details())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.endToEndId()).isEqualTo("RET-1");
              assertThat(d.returnReasonCode()).isEqualTo("AM04");
              assertThat(d.mandateId()).isEqualTo("MDT-RET-1");
            });
    assertThat(bank.balance(AVANCE)).isZero();
    assertThat(bank.balance(BORROWER)).isZero();
    assertThat(bank.settledTotal(Direction.DEBIT)).isZero();

    bank.returnDirectDebit("RET-1", "AM04");
    bank.tick();
    assertThat(notifications()).as("a second return changes nothing").hasSize(1);
    assertThat(bank.balance(AVANCE)).isZero();
  }

  @Test
  void aCoreDebitCannotBeReturnedForAnyReasonAfterFiveBusinessDays() {
    collected("RET-2", SddScheme.CORE, 10_000);
    clock.set("2027-04-06T00:00:00");
    assertThatThrownBy(() -> bank.returnDirectDebit("RET-2", "AM04"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2027-04-05")
        .hasMessageContaining("AM04");
    bank.tick();
    assertThat(notifications()).isEmpty();
    assertThat(tx("RET-2").status()).isEqualTo(SimulatedStatus.SETTLED);
    assertThat(bank.balance(AVANCE)).isEqualTo(10_000);
  }

  @Test
  void aCoreRefundIsPossibleForEightWeeksAndNotAfter() {
    collected("REF-1", SddScheme.CORE, 11_111);
    collected("REF-2", SddScheme.CORE, 22_222);

    clock.set("2027-05-20T23:00:00");
    bank.returnDirectDebit("REF-1", "MD06");
    clock.set("2027-05-21T00:00:00");
    assertThatThrownBy(() -> bank.returnDirectDebit("REF-2", "MD06"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2027-05-20");
    bank.tick();
    assertThat(notifications()).hasSize(1);
    assertThat(onlyEntry(notifications().get(0)).details().get(0).returnReasonCode())
        .isEqualTo("MD06");
    assertThat(bank.balance(AVANCE)).isEqualTo(22_222);
  }

  @Test
  void aB2bDebitMayBeReturnedForTwoBusinessDaysOnly() {
    collected("B2B-R1", SddScheme.B2B, 5_000);
    collected("B2B-R2", SddScheme.B2B, 6_000);
    clock.set("2027-03-31T12:00:00");
    bank.returnDirectDebit("B2B-R1", "AM04");
    clock.set("2027-04-01T00:00:00");
    assertThatThrownBy(() -> bank.returnDirectDebit("B2B-R2", "MD06"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("B2B");
    assertThat(bank.balance(AVANCE)).isEqualTo(6_000);
  }

  @Test
  void aDebitReturnedBeforeSettlementIsRejectedAndNeverCollected() {
    send(debits("P008-EARLY", SddScheme.CORE, LocalDate.of(2027, 3, 31), debit("EARLY-R", 8_000)));
    tickAt("2027-03-24T10:00:01");
    bank.returnDirectDebit("EARLY-R", "MS02");
    bank.tick();
    assertThat(reports()).hasSize(2);
    assertThat(reports().get(1).transactions())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.status()).isEqualTo(TransactionStatus.RJCT);
              assertThat(t.reasonCode()).isEqualTo("MS02");
            });
    tickAt("2027-04-01T10:00:00");
    assertThat(notifications()).isEmpty();
    assertThat(tx("EARLY-R").status()).isEqualTo(SimulatedStatus.REJECTED);
    assertThat(bank.balance(AVANCE)).isZero();
  }

  @Test
  void onlyDirectDebitsAreReturnedAndReasonsAreCodes() {
    send(payouts("P001-X", true, null, transfer("NOT-A-DEBIT", 100)));
    assertThatThrownBy(() -> bank.returnDirectDebit("NOT-A-DEBIT", "AM04"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bank.returnDirectDebit("UNKNOWN", "AM04"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> bank.returnDirectDebit("NOT-A-DEBIT", "insufficient funds"))
        .isInstanceOf(IllegalArgumentException.class);
    tickEvery(Duration.ofSeconds(1), 2);
  }

  @Test
  void anIncomingTransferIsBookedOnceByItsBankReference() {
    String first =
        bank.incomingTransfer(
            "FR7630006000019876543210182",
            123_456,
            BORROWER,
            "Emprunteur SARL",
            "Loan 42 repayment",
            "RF18539007547034",
            "BANKREF-001");
    String again =
        bank.incomingTransfer(
            "FR7630006000019876543210182",
            123_456,
            BORROWER,
            "Emprunteur SARL",
            "Loan 42 repayment",
            "RF18539007547034",
            "BANKREF-001");
    assertThat(first).isEqualTo("BANKREF-001").isEqualTo(again);
    bank.tick();

    assertThat(notifications()).hasSize(1);
    var ntfctn = notifications().get(0).notifications().get(0);
    assertThat(ntfctn.accountIban()).isEqualTo("FR7630006000019876543210182");
    AccountEntries.Entry entry = onlyEntry(notifications().get(0));
    assertThat(entry.creditDebit()).isEqualTo(CreditDebit.CRDT);
    assertThat(entry.code()).isEqualTo(BankTransactionCode.RECEIVED_CREDIT_TRANSFER);
    assertThat(entry.amountCents()).isEqualTo(123_456);
    assertThat(entry.accountServicerReference()).isEqualTo("BANKREF-001");
    assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2027, 3, 24));
    assertThat(entry.details())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.counterparty().iban()).isEqualTo(BORROWER);
              assertThat(d.counterparty().name()).isEqualTo("Emprunteur SARL");
              assertThat(d.remittance().unstructured()).isEqualTo("Loan 42 repayment");
              assertThat(d.remittance().creditorReference()).isEqualTo("RF18539007547034");
              assertThat(d.endToEndId()).isEqualTo(BankSimulator.NOT_PROVIDED);
            });
    assertThat(bank.balance("FR7630006000019876543210182")).isEqualTo(123_456);
    assertThat(bank.balance(BORROWER)).isEqualTo(-123_456);
    assertThat(bank.settledTotal(Direction.IN)).isEqualTo(123_456);

    assertThatThrownBy(
            () ->
                bank.incomingTransfer(
                    AVANCE, 1, BORROWER, "Emprunteur SARL", null, null, "BANKREF-001"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void incomingTransfersWithoutAReferenceGetUniqueOnes() {
    String a = bank.incomingTransfer(AVANCE, 1_000, BORROWER, "A", "first", null, null);
    String b = bank.incomingTransfer(AVANCE, 1_000, BORROWER, "A", "first", null, null);
    assertThat(a).isNotEqualTo(b).hasSizeLessThanOrEqualTo(35);
    bank.tick();
    assertThat(notifications())
        .extracting(n -> onlyEntry(n).accountServicerReference())
        .containsExactly(a, b);
    assertThat(bank.balance(AVANCE)).isEqualTo(2_000);
  }
}
