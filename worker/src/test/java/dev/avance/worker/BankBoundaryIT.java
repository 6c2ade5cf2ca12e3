package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.avance.activities.bank.EndToEndIds;
import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.CreditDebit;
import dev.avance.bank.iso20022.CreditTransferInitiation;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.DirectDebitInitiation;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import dev.avance.bank.iso20022.Remittance;
import dev.avance.bank.iso20022.SddScheme;
import dev.avance.bank.iso20022.SequenceType;
import dev.avance.bank.iso20022.TransactionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The live bank boundary over HTTP, with the operators playing the bank: a live key's payments
 * leave as ISO 20022 files in the outbox (and the drop folder), and only the bank's files, uploaded
 * to {@code POST /ops/bank/messages}, move the money: a payout booked, a collection booked and then
 * returned after settlement, a transfer received, a payout rejected; the same file twice changes
 * nothing and an invalid file applies nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankBoundaryIT extends EmbeddedApiTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate TODAY = LocalDate.now(PARIS);
  private static final String AVANCE_IBAN = "FR7630006000010001234567846";
  private static final String BORROWER_IBAN = "FR1420041010050500013M02606";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Http http;
  String sctBorrower;
  String sddBorrower;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
    sctBorrower = readyBorrower();
    sddBorrower = readyBorrower();
    Http.Response sdd =
        http.postJson(
            "/borrower/" + sddBorrower + "/repayment-methods",
            KEY_A_LIVE,
            Bodies.sddMethod(BORROWER_IBAN));
    assertThat(sdd.status()).as(sdd.body()).isEqualTo(201);
  }

  @Test
  void aLivePayoutLeavesAsAPain001AndOnlyTheBanksFilesSettleIt() {
    String loan = requestLoan(sctBorrower, 30_000, 30);
    String payout = EndToEndIds.of(loan + ":payout");
    CreditTransferInitiation pain001 = (CreditTransferInitiation) awaitOutgoing(payout);
    assertThat(pain001.instant()).isTrue();
    assertThat(pain001.debtor().iban()).isEqualTo(AVANCE_IBAN);
    assertThat(pain001.transfers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.endToEndId()).isEqualTo(payout);
              assertThat(t.amountCents()).isEqualTo(30_000);
              assertThat(t.creditor().iban()).isEqualTo(BORROWER_IBAN);
            });
    assertThat(status(loan)).isEqualTo("INITIATED");

    assertThat(upload(accepted(pain001.messageId(), payout)).status()).isEqualTo(201);
    assertThat(status(loan)).isEqualTo("INITIATED");
    byte[] booked = booking(payout, 30_000, CreditDebit.DBIT, false, null, null, AVANCE_IBAN);
    Http.Response first = upload(booked);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().path("outcomes").path("APPLIED").asInt()).isEqualTo(1);
    awaitStatus(loan, "TO_REPAY");
    JsonNode payments = http.get("/payments?loan_id=" + loan, KEY_A_LIVE).json().path("data");
    assertThat(payments)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path("status").asString()).isEqualTo("PAID");
              assertThat(p.path("amount").asLong()).isEqualTo(30_000);
            });

    // The same file again: answered, and nothing changes.
    long entries = count("select count(*) from bank_entries");
    Http.Response again = upload(booked);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
    assertThat(count("select count(*) from bank_entries")).isEqualTo(entries);

    // An invalid file: a 400 naming the schema error, and nothing stored.
    long messages = count("select count(*) from bank_messages");
    String invalid =
        new String(booked, StandardCharsets.UTF_8).replace("<CdtDbtInd>", "<Foo/><CdtDbtInd>");
    Http.Response refused =
        http.post("/ops/bank/messages", OPERATOR_KEY, "application/xml", invalid);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("code").asString()).isEqualTo("invalid_bank_message");
    assertThat(refused.json().path("detail").asString()).contains("Foo");
    assertThat(count("select count(*) from bank_messages")).isEqualTo(messages);

    // The borrower repays by transfer to its virtual IBAN quoting the loan's reference: a camt.054
    // credit, and nothing else, closes the loan.
    JsonNode details = http.get("/loan/" + loan + "/repayment-details", KEY_A_LIVE).json();
    upload(
        booking(
            null,
            30_000,
            CreditDebit.CRDT,
            false,
            null,
            Remittance.reference(details.path("reference").asString()),
            details.path("account_number").asString()));
    awaitStatus(loan, "CLOSED");
    assertThat(http.get("/loan/" + loan, KEY_A_LIVE).json().path("outstanding_amount").asLong())
        .isZero();

    // A live key has no sandbox.
    assertThat(
            http.postJson(
                    "/sandbox/incoming-transfers",
                    KEY_A_LIVE,
                    "{\"to_iban\":\"%s\",\"amount\":100}"
                        .formatted(details.path("account_number").asString()))
                .status())
        .isEqualTo(404);
  }

  @Test
  void aLiveDebitReturnedAfterSettlementTakesTheLoanBackToRepayment() {
    String loan = requestLoan(sddBorrower, 40_000, 1);
    String payout = EndToEndIds.of(loan + ":payout");
    awaitOutgoing(payout);
    upload(booking(payout, 40_000, CreditDebit.DBIT, false, null, null, AVANCE_IBAN));
    awaitStatus(loan, "TO_REPAY");

    // Due tomorrow: less than the lead time is left, so the debit is instructed at once.
    String debit = EndToEndIds.of(loan + ":debit:1");
    DirectDebitInitiation pain008 = (DirectDebitInitiation) awaitOutgoing(debit);
    assertThat(pain008.scheme()).isEqualTo(SddScheme.CORE);
    assertThat(pain008.sequenceType()).isEqualTo(SequenceType.FRST);
    assertThat(pain008.creditor().iban()).isEqualTo(AVANCE_IBAN);
    assertThat(pain008.creditorSchemeId()).isEqualTo("FR72ZZZ123456");
    assertThat(pain008.debits())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.amountCents()).isEqualTo(40_000);
              assertThat(d.mandateId()).isNotBlank();
              assertThat(d.mandateSignedOn()).isNotNull();
              assertThat(d.debtor().iban()).isEqualTo(BORROWER_IBAN);
            });

    upload(booking(debit, 40_000, CreditDebit.CRDT, false, null, null, AVANCE_IBAN));
    awaitStatus(loan, "TO_REPAY_FEES");
    assertThat(outstanding(sddBorrower)).isZero();

    // Returned days later (AM04, insufficient funds): the principal is owed again.
    upload(booking(debit, 40_000, CreditDebit.DBIT, true, "AM04", null, AVANCE_IBAN));
    JsonNode reopened = awaitStatus(loan, "TO_REPAY");
    assertThat(reopened.path("outstanding_amount").asLong()).isEqualTo(40_000);
    assertThat(outstanding(sddBorrower)).isEqualTo(40_000);
    assertThat(http.get("/payments?loan_id=" + loan, KEY_A_LIVE).json().path("data"))
        .anySatisfy(
            p -> {
              assertThat(p.path("id").asString()).isEqualTo(loan + ":debit:1");
              assertThat(p.path("status").asString()).isEqualTo("RETURNED");
            });

    // Not presented again: the borrower pays by transfer.
    JsonNode details = http.get("/loan/" + loan + "/repayment-details", KEY_A_LIVE).json();
    upload(
        booking(
            null,
            40_000,
            CreditDebit.CRDT,
            false,
            null,
            Remittance.text("loan " + details.path("reference").asString()),
            details.path("account_number").asString()));
    awaitStatus(loan, "TO_REPAY_FEES");
    assertThat(outstanding(sddBorrower)).isZero();
    assertThat(
            count(
                "select count(*) from payments where loan_id = '"
                    + loan
                    + "' and type = 'DIRECT_DEBIT'"))
        .isEqualTo(1);
  }

  @Test
  void aWalletGivenWithAnSctMethodIsDebitedUnderAB2bMandate() {
    String wallet = readyBorrower();
    Http.Response method =
        http.postJson(
            "/borrower/" + wallet + "/repayment-methods",
            KEY_A_LIVE,
            """
            {"payment_method":"SCT",
             "from_account":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "is_default_repayment_method":true}
            """
                .formatted(BORROWER_IBAN));
    assertThat(method.status()).as(method.body()).isEqualTo(201);
    String loan = requestLoan(wallet, 35_000, 1);
    String payout = EndToEndIds.of(loan + ":payout");
    awaitOutgoing(payout);
    upload(booking(payout, 35_000, CreditDebit.DBIT, false, null, null, AVANCE_IBAN));
    awaitStatus(loan, "TO_REPAY");

    String debit = EndToEndIds.of(loan + ":debit:1");
    DirectDebitInitiation pain008 = (DirectDebitInitiation) awaitOutgoing(debit);
    assertThat(pain008.scheme()).isEqualTo(SddScheme.B2B);
    assertThat(pain008.debits())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.amountCents()).isEqualTo(35_000);
              assertThat(d.debtor().iban()).isEqualTo(BORROWER_IBAN);
            });
    upload(booking(debit, 35_000, CreditDebit.CRDT, false, null, null, AVANCE_IBAN));
    // SCT: the platform handles the repayment and pays the interest, so the loan is done.
    awaitStatus(loan, "CLOSED");
    assertThat(outstanding(wallet)).isZero();
  }

  @Test
  void aPayoutTheBankRejectsIsAnIssueAndReleasesTheCredit() {
    long before = outstandingAndPending(sctBorrower);
    String loan = requestLoan(sctBorrower, 25_000, 30);
    String payout = EndToEndIds.of(loan + ":payout");
    CreditTransferInitiation pain001 = (CreditTransferInitiation) awaitOutgoing(payout);
    byte[] rejected =
        Iso20022.write(
            new PaymentStatusReport(
                "RJ" + unique(),
                Instant.now(),
                pain001.messageId(),
                MessageType.PAIN_001,
                TransactionStatus.RJCT,
                null,
                List.of(
                    new TransactionStatusEntry(
                        null, payout, TransactionStatus.RJCT, "AC04", 25_000L))));
    upload(rejected);
    JsonNode issue = awaitStatus(loan, "ISSUE_DETECTED");
    assertThat(issue.path("denial_reason").asString()).isEqualTo("PAYOUT_FAILED");
    assertThat(outstandingAndPending(sctBorrower)).isEqualTo(before);
    assertThat(http.get("/payments?loan_id=" + loan, KEY_A_LIVE).json().path("data"))
        .singleElement()
        .satisfies(p -> assertThat(p.path("status").asString()).isEqualTo("FAILED"));
  }

  // ---------------------------------------------------------------------------------------------

  private String readyBorrower() {
    Http.Response r =
        http.postJson(
            "/borrowers",
            KEY_A_LIVE,
            "{\"identifier\":\""
                + Sirens.next("00")
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(r.json().path("status").asString()).as(r.body()).isEqualTo("READY");
    return r.json().path("id").asString();
  }

  private String requestLoan(String borrower, long amount, int days) {
    String salt = "bank-it-" + unique();
    Http.Response r =
        http.postJson(
            "/loans",
            KEY_A_LIVE,
            """
            {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
             "invoice":{"number":"%s","amount":%d},
             "loan_to":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "to_pay_at":"%s","to_repay_at":"%s","auto_validate":true,"salt_id":"%s",
             "wait_for_validation":true}
            """
                .formatted(
                    borrower,
                    amount,
                    salt,
                    amount,
                    BORROWER_IBAN,
                    TODAY,
                    TODAY.plusDays(days),
                    salt));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("id").asString();
  }

  /** The outgoing file that carries the payment, once the outbox holds it, read back. */
  private BankMessage awaitOutgoing(String endToEndId) {
    BankMessage[] found = new BankMessage[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Long id =
                  jdbc.sql("select message_id from payments where end_to_end_id = :e2e")
                      .param("e2e", endToEndId)
                      .query(Long.class)
                      .optional()
                      .orElse(null);
              assertThat(id).isNotNull();
              Http.Response xml = http.get("/ops/bank/message/" + id, OPERATOR_KEY);
              assertThat(xml.status()).isEqualTo(200);
              assertThat(xml.contentType()).startsWith("application/xml");
              found[0] = Iso20022.read(xml.body().getBytes(StandardCharsets.UTF_8));
              JsonNode listed =
                  http.get(
                          "/ops/bank/messages?direction=OUT&channel=LIVE&page_size=100",
                          OPERATOR_KEY)
                      .json()
                      .path("data");
              assertThat(listed)
                  .anySatisfy(
                      m -> {
                        assertThat(m.path("id").asLong()).isEqualTo(id);
                        assertThat(m.path("status").asString()).isEqualTo("SENT");
                      });
            });
    return found[0];
  }

  private byte[] accepted(String originalMessageId, String endToEndId) {
    return Iso20022.write(
        new PaymentStatusReport(
            "AC" + unique(),
            Instant.now(),
            originalMessageId,
            MessageType.PAIN_001,
            TransactionStatus.ACCP,
            null,
            List.of(
                new TransactionStatusEntry(null, endToEndId, TransactionStatus.ACCP, null, null))));
  }

  private byte[] booking(
      String endToEndId,
      long amount,
      CreditDebit direction,
      boolean reversal,
      String returnReason,
      Remittance remittance,
      String account) {
    BankTransactionCode code =
        endToEndId == null
            ? BankTransactionCode.RECEIVED_CREDIT_TRANSFER
            : reversal
                ? BankTransactionCode.UNPAID_DIRECT_DEBIT
                : direction == CreditDebit.DBIT
                    ? BankTransactionCode.ISSUED_CREDIT_TRANSFER
                    : BankTransactionCode.COLLECTED_DIRECT_DEBIT;
    String reference = "BK" + unique();
    return Iso20022.write(
        new DebitCreditNotification(
            "N" + unique(),
            Instant.now(),
            List.of(
                new AccountEntries(
                    "NTF" + unique(),
                    account,
                    List.of(
                        new Entry(
                            reference,
                            amount,
                            "EUR",
                            direction,
                            reversal,
                            EntryStatus.BOOK,
                            TODAY,
                            TODAY,
                            reference,
                            code,
                            List.of(
                                new EntryDetail(
                                    endToEndId == null ? "NOTPROVIDED" : endToEndId,
                                    reference,
                                    amount,
                                    new Party("Acme SAS", BORROWER_IBAN, null),
                                    remittance,
                                    returnReason,
                                    null))))))));
  }

  private Http.Response upload(byte[] xml) {
    Http.Response r =
        http.post(
            "/ops/bank/messages",
            OPERATOR_KEY,
            "application/xml",
            new String(xml, StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return r;
  }

  private String status(String loan) {
    return http.get("/loan/" + loan, KEY_A_LIVE).json().path("status").asString();
  }

  private JsonNode awaitStatus(String loan, String status) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              last[0] = http.get("/loan/" + loan, KEY_A_LIVE).json();
              assertThat(last[0].path("status").asString()).isEqualTo(status);
            });
    return last[0];
  }

  private long outstanding(String borrower) {
    return http.get("/borrower/" + borrower + "/credit-line", KEY_A_LIVE)
        .json()
        .path("outstanding_amount")
        .asLong();
  }

  private long outstandingAndPending(String borrower) {
    JsonNode line = http.get("/borrower/" + borrower + "/credit-line", KEY_A_LIVE).json();
    return line.path("outstanding_amount").asLong() + line.path("pending_amount").asLong();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static String unique() {
    return Long.toString(System.nanoTime(), 36).toUpperCase() + SEQUENCE.incrementAndGet();
  }
}
