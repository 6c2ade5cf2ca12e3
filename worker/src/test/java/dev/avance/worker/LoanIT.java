package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.avance.workflows.rules.NextActions;
import dev.avance.workflows.rules.PlannedDebit;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Loans over HTTP against the real dev server: request, decision, payout, repayment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanIT extends EmbeddedApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
  private static final AtomicInteger SALT = new AtomicInteger();
  private static final String PAYOUT_IBAN = "FR1420041010050500013M02606";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired WorkflowClient temporal;
  Http http;
  String sddBorrower;
  String sctBorrower;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
    sddBorrower = readyBorrower();
    Http.Response sdd =
        http.postJson(
            "/borrower/" + sddBorrower + "/repayment-methods",
            KEY_A,
            Bodies.sddMethod(PAYOUT_IBAN));
    assertThat(sdd.status()).as(sdd.body()).isEqualTo(201);
    sctBorrower = readyBorrower();
  }

  private String readyBorrower() {
    Http.Response r =
        http.postJson(
            "/borrowers",
            KEY_A,
            "{\"identifier\":\""
                + Sirens.next("00")
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(r.json().path("status").asString()).as(r.body()).isEqualTo("READY");
    return r.json().path("id").asString();
  }

  private static String body(
      String borrower,
      long amount,
      String invoiceNumber,
      int days,
      boolean autoValidate,
      String salt) {
    return """
        {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
         "invoice":{"number":"%s","amount":100000,"issue_date":"%s","due_date":"%s",
                    "debtor":{"name":"Debtor SA","identifier":"732829320"}},
         "to_account":{"account_number":"%s"},
         "loan_to":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
         "to_pay_at":"%s","to_repay_at":"%s","auto_validate":%s,"salt_id":"%s",
         "wait_for_validation":true,"metadata":{"order":"o-1"}}
        """
        .formatted(
            borrower,
            amount,
            invoiceNumber,
            TODAY.minusDays(2),
            TODAY.plusDays(60),
            PAYOUT_IBAN,
            PAYOUT_IBAN,
            TODAY,
            TODAY.plusDays(days),
            autoValidate,
            salt);
  }

  private static String salt() {
    return "salt-" + System.nanoTime() + "-" + SALT.incrementAndGet();
  }

  private JsonNode awaitStatus(String loanId, String status) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              last[0] = http.get("/loan/" + loanId, KEY_A).json();
              assertThat(last[0].path("status").asString()).isEqualTo(status);
            });
    return last[0];
  }

  @Test
  void anSddLoanIsDecidedInTheRequestAndPaidOut() {
    String salt = salt();
    Http.Response created =
        http.postJson("/loans", KEY_A, body(sddBorrower, 50_000, "INV-" + salt, 30, true, salt));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode loan = created.json();
    String id = loan.path("id").asString();
    assertThat(loan.path("status").asString())
        .isIn("VALIDATED", "SCHEDULED", "INITIATED", "TO_REPAY");
    assertThat(loan.path("fees_estimated").asLong()).isEqualTo(750);
    assertThat(loan.path("repayment_reference").asString()).startsWith("RF");

    JsonNode repaid = awaitStatus(id, "TO_REPAY");
    assertThat(repaid.path("paid_at").isNull()).isFalse();
    assertThat(repaid.path("repayment_method").asString()).isEqualTo("DIRECT_DEBIT");
    JsonNode payments = http.get("/payments?loan_id=" + id, KEY_A).json().path("data");
    assertThat(payments).hasSize(2);
    assertThat(payments.get(0).path("payment_type").asString()).isEqualTo("PAYOUT");
    assertThat(payments.get(0).path("status").asString()).isEqualTo("PAID");
    assertThat(payments.get(0).path("amount").asLong()).isEqualTo(50_000);
    assertThat(payments.get(0).path("instruction_date").asString()).isEqualTo(TODAY.toString());
    assertThat(payments.get(0).path("collection_date").isNull()).isTrue();
    // The debit of the repayment, planned and not yet sent: dated on the TARGET calendar.
    PlannedDebit debit = NextActions.plannedDebit(TODAY.plusDays(30), TODAY, 3);
    JsonNode planned = payments.get(1);
    assertThat(planned.path("payment_type").asString()).isEqualTo("DIRECT_DEBIT");
    assertThat(planned.path("status").asString()).isEqualTo("SCHEDULED");
    assertThat(planned.path("amount").asLong()).isEqualTo(50_000);
    assertThat(planned.path("instruction_date").asString())
        .isEqualTo(debit.instructionDate().toString());
    assertThat(planned.path("collection_date").asString())
        .isEqualTo(debit.collectionDate().toString());
    assertThat(LocalDate.parse(planned.path("collection_date").asString()))
        .isAfterOrEqualTo(TODAY.plusDays(30));
    assertThat(repaid.path("next_action").path("type").asString()).isEqualTo("DEBIT_INSTRUCTION");
    assertThat(repaid.path("next_action").path("date").asString())
        .isEqualTo(debit.instructionDate().toString());
    assertThat(
            http.get("/loans?borrower_id=" + sddBorrower + "&page_size=100", KEY_A)
                .json()
                .path("data"))
        .anySatisfy(
            l -> {
              assertThat(l.path("id").asString()).isEqualTo(id);
              assertThat(l.path("next_action").path("type").asString())
                  .isEqualTo("DEBIT_INSTRUCTION");
            });
    JsonNode details = http.get("/loan/" + id + "/repayment-details", KEY_A).json();
    assertThat(details.path("reference").asString())
        .isEqualTo(loan.path("repayment_reference").asString());
    assertThat(details.path("amount_due").asLong()).isEqualTo(50_000);
    assertThat(details.path("account_number").asString()).startsWith("FR76");
    JsonNode line = http.get("/borrower/" + sddBorrower + "/credit-line", KEY_A).json();
    assertThat(line.path("outstanding_amount").asLong()).isGreaterThanOrEqualTo(50_000);
    assertThat(http.get("/loan/" + id + "/events", KEY_A).json().path("data"))
        .extracting(e -> e.path("event_type").asString())
        .contains("loan.SUBMITTED", "loan.PENDING_VALIDATION", "loan.VALIDATED", "loan.TO_REPAY");
    assertThat(
            http.get("/loans?status=TO_REPAY&borrower_id=" + sddBorrower, KEY_A)
                .json()
                .path("data"))
        .extracting(l -> l.path("id").asString())
        .contains(id);
    assertThat(http.get("/loan/" + id, KEY_B).status()).isEqualTo(404);

    // A postponement once; the second one is refused.
    Http.Response later =
        http.patch("/loan/" + id, KEY_A, "{\"to_repay_at\":\"" + TODAY.plusDays(45) + "\"}");
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    assertThat(later.json().path("to_repay_at").asString())
        .isEqualTo(TODAY.plusDays(45).toString());
    assertThat(later.json().path("postponed").asBoolean()).isTrue();
    Http.Response again =
        http.patch("/loan/" + id, KEY_A, "{\"to_repay_at\":\"" + TODAY.plusDays(50) + "\"}");
    assertThat(again.status()).as(again.body()).isIn(400, 409);
    assertThat(
            http.patch("/loan/" + id, KEY_A, "{\"to_repay_at\":\"" + TODAY.plusDays(200) + "\"}")
                .status())
        .isIn(400, 409);
  }

  @Test
  void anSctLoanIsRepaidByATransferQuotingItsReference() {
    String id = sctLoanToRepay(30_000, "INV-");
    JsonNode details = http.get("/loan/" + id + "/repayment-details", KEY_A).json();

    Http.Response transfer =
        http.postJson(
            "/sandbox/incoming-transfers",
            KEY_A,
            "{\"to_iban\":\"%s\",\"amount\":30000,\"remittance_information\":\"Invoice paid %s thanks\"}"
                .formatted(
                    details.path("account_number").asString(),
                    details.path("reference").asString()));
    assertThat(transfer.status()).as(transfer.body()).isEqualTo(202);

    JsonNode closed = awaitStatus(id, "CLOSED");
    assertThat(closed.path("outstanding_amount").asLong()).isZero();
    assertThat(http.get("/payments?loan_id=" + id, KEY_A).json().path("data"))
        .extracting(p -> p.path("payment_type").asString())
        .containsExactlyInAnyOrder("PAYOUT", "INCOMING_TRANSFER");

    // Money for a loan that is already closed is parked, not dropped.
    String late =
        http.postJson(
                "/sandbox/incoming-transfers",
                KEY_A,
                "{\"to_iban\":\"%s\",\"amount\":500,\"remittance_information\":\"%s\"}"
                    .formatted(
                        details.path("account_number").asString(),
                        details.path("reference").asString()))
            .json()
            .path("bank_reference")
            .asString();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select status from bank_incoming_credits where bank_reference = :r")
                            .param("r", late)
                            .query(String.class)
                            // The bank's camt.054 comes a moment later.
                            .optional()
                            .orElse(null))
                    .isEqualTo("PARKED"));

    Http.Response unmatched =
        http.postJson(
            "/sandbox/incoming-transfers",
            KEY_A,
            "{\"to_iban\":\"%s\",\"amount\":1234,\"remittance_information\":\"no reference\"}"
                .formatted(details.path("account_number").asString()));
    String bankReference = unmatched.json().path("bank_reference").asString();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select status from bank_incoming_credits where bank_reference = :r")
                            .param("r", bankReference)
                            .query(String.class)
                            // The bank's camt.054 comes a moment later.
                            .optional()
                            .orElse(null))
                    .isEqualTo("PARKED"));
  }

  @Test
  void anOperatorGivesAParkedCreditToTheLoanItRepays() {
    String id = sctLoanToRepay(40_000, "INV-P");
    JsonNode details = http.get("/loan/" + id + "/repayment-details", KEY_A).json();
    // The borrower forgot the reference: the money is parked.
    String reference =
        http.postJson(
                "/sandbox/incoming-transfers",
                KEY_A,
                "{\"to_iban\":\"%s\",\"amount\":15000,\"remittance_information\":\"invoice %s\"}"
                    .formatted(details.path("account_number").asString(), id))
            .json()
            .path("bank_reference")
            .asString();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        http.get("/ops/incoming-credit/" + reference, OPERATOR_KEY)
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("PARKED"));
    JsonNode parked =
        http.get("/ops/incoming-credits?status=PARKED&page_size=100", OPERATOR_KEY).json();
    JsonNode listed = null;
    for (JsonNode credit : parked.path("data")) {
      if (credit.path("bank_reference").asString().equals(reference)) {
        listed = credit;
      }
    }
    assertThat(listed).as(parked.toString()).isNotNull();
    assertThat(listed.path("parked_reason").asString()).isEqualTo("NO_MATCHING_REFERENCE");
    assertThat(listed.path("amount").asLong()).isEqualTo(15_000);
    assertThat(listed.path("borrower_id").asString()).isEqualTo(sctBorrower);
    // Platforms do not see operators' lists.
    assertThat(http.get("/ops/incoming-credits", KEY_A).status()).isEqualTo(403);

    Http.Response assigned =
        http.postJson(
            "/ops/incoming-credit/" + reference + "/assignment",
            OPERATOR_KEY,
            "{\"loan_id\":\"" + id + "\"}");

    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(assigned.json().path("status").asString()).isEqualTo("MATCHED");
    assertThat(assigned.json().path("loan_id").asString()).isEqualTo(id);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        http.get("/loan/" + id, KEY_A).json().path("outstanding_amount").asLong())
                    .isEqualTo(25_000));
    // Asked again: the same answer, and the money is not applied twice.
    Http.Response again =
        http.postJson(
            "/ops/incoming-credit/" + reference + "/assignment",
            OPERATOR_KEY,
            "{\"loan_id\":\"" + id + "\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(http.get("/loan/" + id, KEY_A).json().path("outstanding_amount").asLong())
        .isEqualTo(25_000);
    // Never to a second loan, and never an unknown credit or loan.
    Http.Response other =
        http.postJson(
            "/ops/incoming-credit/" + reference + "/assignment",
            OPERATOR_KEY,
            "{\"loan_id\":\"" + sctLoanToRepay(10_000, "INV-Q") + "\"}");
    assertThat(other.status()).as(other.body()).isEqualTo(409);
    assertThat(
            http.postJson(
                    "/ops/incoming-credit/no-such-credit/assignment",
                    OPERATOR_KEY,
                    "{\"loan_id\":\"" + id + "\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            http.postJson("/ops/incoming-credit/" + reference + "/assignment", OPERATOR_KEY, "{}")
                .status())
        .isEqualTo(400);
  }

  /** What the borrower's credit line has left to lend, in cents. */
  private long availableCredit(String borrower) {
    return http.get("/borrower/" + borrower + "/credit-line", KEY_A)
        .json()
        .path("available_amount")
        .asLong();
  }

  /** An SCT loan of {@code sctBorrower}, paid out and waiting for its repayment in 20 days. */
  private String sctLoanToRepay(long amountCents, String invoicePrefix) {
    String salt = salt();
    String id =
        http.postJson(
                "/loans",
                KEY_A,
                body(sctBorrower, amountCents, invoicePrefix + salt, 20, true, salt))
            .json()
            .path("id")
            .asString();
    awaitStatus(id, "TO_REPAY");
    return id;
  }

  @Test
  void aWriteOffTellsTheLoanWhichStopsItsTimersAndStillTakesRecoveryMoney() {
    String id = sctLoanToRepay(25_000, "INV-W");
    String workflowId = "loan-" + id;

    Http.Response first =
        http.postJson("/ops/loan/" + id + "/write-off", OPERATOR_KEY, "{\"reason\":\"FRAUD\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    // Asked again: the same write-off, and the loan told again (it takes one).
    Http.Response again =
        http.postJson("/ops/loan/" + id + "/write-off", OPERATOR_KEY, "{\"reason\":\"FRAUD\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(200);

    // The loan's due-date timer is canceled by the write-off, and no timer follows it.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<HistoryEvent> events = temporal.fetchHistory(workflowId).getEvents();
              int signaled = -1;
              for (int i = 0; i < events.size(); i++) {
                HistoryEvent e = events.get(i);
                if (signaled < 0
                    && e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
                    && "writtenOff"
                        .equals(e.getWorkflowExecutionSignaledEventAttributes().getSignalName())) {
                  signaled = i;
                }
              }
              assertThat(signaled).as("the loan was told").isNotNegative();
              List<EventType> after =
                  events.subList(signaled, events.size()).stream()
                      .map(HistoryEvent::getEventType)
                      .toList();
              assertThat(after)
                  .contains(EventType.EVENT_TYPE_TIMER_CANCELED)
                  .doesNotContain(EventType.EVENT_TYPE_TIMER_STARTED);
            });
    assertThat(http.get("/loan/" + id + "/events", KEY_A).json().findValuesAsString("event_type"))
        .containsOnlyOnce("loan.WRITTEN_OFF");

    // Money that still comes is applied: the books make it recovery, and the loan closes.
    JsonNode details = http.get("/loan/" + id + "/repayment-details", KEY_A).json();
    Http.Response transfer =
        http.postJson(
            "/sandbox/incoming-transfers",
            KEY_A,
            "{\"to_iban\":\"%s\",\"amount\":25000,\"remittance_information\":\"%s\"}"
                .formatted(
                    details.path("account_number").asString(),
                    details.path("reference").asString()));
    assertThat(transfer.status()).as(transfer.body()).isEqualTo(202);
    awaitStatus(id, "CLOSED");
    assertThat(
            jdbc.sql("select count(*) from ledger_entries where entry_key like :k")
                .param("k", id + ":%:recovery")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theSameSaltIdMakesOneLoanEvenTwentyTimesAtOnce() throws Exception {
    String salt = salt();
    String request = body(sddBorrower, 10_000, "INV-" + salt, 30, true, salt);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Http.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> http.postJson("/loans", KEY_A, request));
      }
      Set<String> ids = new HashSet<>();
      for (Future<Http.Response> f : pool.invokeAll(calls)) {
        Http.Response r = f.get();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        ids.add(r.json().path("id").asString());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.sql("select count(*) from loans where salt_id = :s")
                .param("s", salt)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    Http.Response other =
        http.postJson("/loans", KEY_A, body(sddBorrower, 20_000, "INV-" + salt, 30, true, salt));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().path("code").asString()).isEqualTo("salt_id_reused");
  }

  private static String hostileBody(
      String borrower,
      long amount,
      long invoiceAmount,
      LocalDate issued,
      LocalDate due,
      LocalDate payAt,
      LocalDate repayAt,
      String salt) {
    return """
        {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
         "invoice":{"number":"INV-%s","amount":%d,"issue_date":"%s","due_date":"%s"},
         "loan_to":{"account_number":"%s"},
         "to_pay_at":"%s","to_repay_at":"%s","salt_id":"%s","wait_for_validation":true}
        """
        .formatted(
            borrower, amount, salt, invoiceAmount, issued, due, PAYOUT_IBAN, payAt, repayAt, salt);
  }

  @Test
  void aLoanPaidOutLaterShowsItsScheduledPayoutAndAnSctLoanItsDueDate() {
    String salt = salt();
    String body =
        body(sctBorrower, 10_000, "INV-S" + salt, 40, true, salt)
            .replace(
                "\"to_pay_at\":\"" + TODAY + "\"", "\"to_pay_at\":\"" + TODAY.plusDays(10) + "\"");
    Http.Response created = http.postJson("/loans", KEY_A, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();
    JsonNode loan = awaitStatus(id, "SCHEDULED");

    assertThat(loan.path("next_action").path("type").asString()).isEqualTo("PAYOUT");
    assertThat(loan.path("next_action").path("date").asString())
        .isEqualTo(TODAY.plusDays(10).toString());
    JsonNode payout = http.get("/payments?loan_id=" + id, KEY_A).json().path("data").get(0);
    assertThat(payout.path("id").asString()).isEqualTo(id + ":payout");
    assertThat(payout.path("payment_type").asString()).isEqualTo("PAYOUT");
    assertThat(payout.path("status").asString()).isEqualTo("SCHEDULED");
    assertThat(payout.path("instruction_date").asString()).isEqualTo(TODAY.plusDays(10).toString());
    assertThat(http.get("/payments?loan_id=" + id, KEY_A).json().path("data")).hasSize(1);

    String sct = sctLoanToRepay(20_000, "INV-N");
    JsonNode toRepay = http.get("/loan/" + sct, KEY_A).json();
    assertThat(toRepay.path("next_action").path("type").asString()).isEqualTo("REPAYMENT_DUE");
    assertThat(toRepay.path("next_action").path("date").asString())
        .isEqualTo(toRepay.path("to_repay_at").asString());
    assertThat(http.get("/payments?loan_id=" + sct, KEY_A).json().path("data"))
        .extracting(p -> p.path("status").asString())
        .containsExactly("PAID");
  }

  @Test
  void thePayoffOnADayIsThePrincipalAndTheInterestToThatDay() {
    String id = sctLoanToRepay(20_000, "INV-P");

    JsonNode now = http.get("/loan/" + id + "/payoff", KEY_A).json();
    assertThat(now.path("date").asString()).isEqualTo(TODAY.toString());
    assertThat(now.path("principal").asLong()).isEqualTo(20_000);
    // Paid out today: the one-day minimum, 0.05 % of 200 EUR.
    assertThat(now.path("interest").asLong()).isEqualTo(10);
    assertThat(now.path("billed_interest_unpaid").asLong()).isZero();
    assertThat(now.path("total").asLong()).isEqualTo(20_010);
    Http.Response inTen = http.get("/loan/" + id + "/payoff?date=" + TODAY.plusDays(10), KEY_A);
    assertThat(inTen.status()).as(inTen.body()).isEqualTo(200);
    assertThat(inTen.json().path("interest").asLong()).isEqualTo(100);
    assertThat(inTen.json().path("interest_exact").asString()).isEqualTo("100.0000");
    assertThat(inTen.json().path("total").asLong()).isEqualTo(20_100);
    // Due in 20 days: up to 120 days after it.
    assertThat(http.get("/loan/" + id + "/payoff?date=" + TODAY.plusDays(140), KEY_A).status())
        .isEqualTo(200);

    for (String date :
        List.of(TODAY.minusDays(1).toString(), TODAY.plusDays(141).toString(), "2026-13-01")) {
      Http.Response bad = http.get("/loan/" + id + "/payoff?date=" + date, KEY_A);
      assertThat(bad.status()).as(date + " " + bad.body()).isEqualTo(400);
      assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    String salt = salt();
    String later =
        http.postJson(
                "/loans",
                KEY_A,
                body(sctBorrower, 10_000, "INV-Q" + salt, 40, true, salt)
                    .replace(
                        "\"to_pay_at\":\"" + TODAY + "\"",
                        "\"to_pay_at\":\"" + TODAY.plusDays(10) + "\""))
            .json()
            .path("id")
            .asString();
    awaitStatus(later, "SCHEDULED");
    Http.Response notPaid = http.get("/loan/" + later + "/payoff", KEY_A);
    assertThat(notPaid.status()).as(notPaid.body()).isEqualTo(409);
    assertThat(notPaid.json().path("code").asString()).isEqualTo("invalid_state");
    assertThat(http.get("/loan/" + id + "/payoff", KEY_B).status()).isEqualTo(404);
  }

  @Test
  void hostileDatesAndAmountsAreA400NamingTheFieldAndStoreNothing() {
    LocalDate issued = TODAY.minusDays(2);
    LocalDate due = TODAY.plusDays(60);
    record Hostile(
        String field,
        long amount,
        long invoice,
        LocalDate issued,
        LocalDate due,
        LocalDate payAt,
        LocalDate repayAt) {}
    List<Hostile> cases =
        List.of(
            new Hostile(
                "to_repay_at", 10_000, 100_000, issued, due, TODAY.plusDays(5), TODAY.plusDays(2)),
            new Hostile("to_repay_at", 10_000, 100_000, issued, due, TODAY, TODAY),
            new Hostile("to_repay_at", 10_000, 100_000, issued, due, TODAY, TODAY.plusDays(121)),
            new Hostile(
                "to_pay_at", 10_000, 100_000, issued, due, TODAY.minusDays(1), TODAY.plusDays(30)),
            new Hostile("amount", 0, 100_000, issued, due, TODAY, TODAY.plusDays(30)),
            new Hostile("amount", -5, 100_000, issued, due, TODAY, TODAY.plusDays(30)),
            new Hostile("amount", 100_001, 100_000, issued, due, TODAY, TODAY.plusDays(30)),
            new Hostile(
                "invoice.due_date", 10_000, 100_000, due, issued, TODAY, TODAY.plusDays(30)));
    for (Hostile c : cases) {
      String salt = salt();
      Http.Response r =
          http.postJson(
              "/loans",
              KEY_A,
              hostileBody(
                  sctBorrower,
                  c.amount(),
                  c.invoice(),
                  c.issued(),
                  c.due(),
                  c.payAt(),
                  c.repayAt(),
                  salt));

      assertThat(r.status()).as(c + " " + r.body()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().path("code").asString()).isEqualTo("validation_failed");
      List<String> fields = new ArrayList<>();
      r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
      assertThat(fields).as(r.body()).contains(c.field());
      assertThat(
              jdbc.sql("select count(*) from loans where salt_id = :s")
                  .param("s", salt)
                  .query(Integer.class)
                  .single())
          .as(c.toString())
          .isZero();
    }
    Http.Response list = http.get("/loans?page_size=100&borrower_id=" + sctBorrower, KEY_A);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
  }

  @Test
  void oneBadStoredLoanBreaksNeitherItsPlatformsListNorItsOwnRead() {
    String platform =
        jdbc.sql("select platform_id from borrowers where id = :b")
            .param("b", sctBorrower)
            .query(String.class)
            .single();
    String id = "bad-row-" + salt();
    // What an older version let through: repaid before its payout, with every optional field
    // null.
    jdbc.sql(
            """
            insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                status, amount_cents, outstanding_principal_cents, invoice_number,
                invoice_amount_cents, loan_to_iban, to_pay_at, to_repay_at,
                requested_to_repay_at, paid_at, auto_validate, remittance_reference,
                created_at, updated_at)
            values (:id, :p, :b, :id, 'h', 'INVOICE_BASED_FINANCING', 'TO_REPAY', 10000, 10000,
                :id, 10000, :iban, :payAt, :repayAt, :repayAt, now() + interval '5 days', true, :id,
                now(), now())
            """)
        .param("id", id)
        .param("p", platform)
        .param("b", sctBorrower)
        .param("iban", PAYOUT_IBAN)
        .param("payAt", java.sql.Date.valueOf(TODAY.plusDays(5)))
        .param("repayAt", java.sql.Date.valueOf(TODAY.plusDays(2)))
        .update();
    try {
      badRowIsListedAndRead(id);
    } finally {
      // A row no money fact wrote has no books: left behind, it would be a break in the ledger
      // check every suite of this shared app ends on.
      jdbc.sql("delete from loans where id = :id").param("id", id).update();
    }
  }

  private void badRowIsListedAndRead(String id) {
    Http.Response list = http.get("/loans?page_size=100&borrower_id=" + sctBorrower, KEY_A);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode shown = null;
    for (JsonNode loan : list.json().path("data")) {
      if (loan.path("id").asString().equals(id)) {
        shown = loan;
      }
    }
    assertThat(shown).as(list.body()).isNotNull();
    assertThat(shown.path("to_repay_at").asString()).isEqualTo(TODAY.plusDays(2).toString());
    assertThat(shown.path("fees_estimated").asLong()).isZero();
    assertThat(shown.path("fees_ongoing").asLong()).isZero();
    Http.Response one = http.get("/loan/" + id, KEY_A);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
  }

  @Test
  void businessRefusalsAreDeclinedLoansWithAReason() {
    String salt3 = salt();
    String invoice = "INV-D" + salt3;
    http.postJson("/loans", KEY_A, body(sctBorrower, 10_000, invoice, 30, true, salt3));
    String salt4 = salt();
    JsonNode twice =
        http.postJson("/loans", KEY_A, body(sctBorrower, 10_000, invoice, 30, true, salt4)).json();
    assertThat(twice.path("denial_reason").asString()).isEqualTo("INVOICE_ALREADY_FINANCED");

    String unsigned =
        http.postJson(
                "/borrowers",
                KEY_A,
                "{\"identifier\":\"" + Sirens.eligible() + "\",\"wait_for_ready\":true}")
            .json()
            .path("id")
            .asString();
    String salt5 = salt();
    JsonNode notSigned =
        http.postJson("/loans", KEY_A, body(unsigned, 10_000, "INV-U" + salt5, 30, true, salt5))
            .json();
    assertThat(notSigned.path("denial_reason").asString()).isEqualTo("BORROWER_TO_SIGN");
  }

  @Test
  void aLoanToValidateCanBeCanceledAndGivesItsCreditBack() {
    long before = availableCredit(sctBorrower);
    String salt = salt();
    JsonNode loan =
        http.postJson("/loans", KEY_A, body(sctBorrower, 20_000, "INV-C" + salt, 30, false, salt))
            .json();
    String id = loan.path("id").asString();
    assertThat(loan.path("status").asString()).isEqualTo("TO_VALIDATE");
    assertThat(availableCredit(sctBorrower)).isEqualTo(before - 20_000);

    Http.Response canceled = http.postJson("/loan/" + id + "/cancel", KEY_A, "");
    assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
    assertThat(canceled.json().path("status").asString()).isEqualTo("CANCELED");
    assertThat(http.postJson("/loan/" + id + "/validate", KEY_A, "").status()).isEqualTo(409);
    assertThat(availableCredit(sctBorrower)).isEqualTo(before);
  }

  @Test
  void aNewMethodForAllActiveLoansMovesThoseNotYetDebited() {
    String borrower = readyBorrower();
    String salt = salt();
    String id =
        http.postJson("/loans", KEY_A, body(borrower, 10_000, "INV-A" + salt, 30, true, salt))
            .json()
            .path("id")
            .asString();
    assertThat(awaitStatus(id, "TO_REPAY").path("repayment_method").asString()).isEqualTo("SCT");

    Http.Response sdd =
        http.postJson(
            "/borrower/" + borrower + "/repayment-methods",
            KEY_A,
            """
            {"payment_method":"DIRECT_DEBIT",
             "from_account":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "business_email":"cfo@acme.test",
             "legal_representative":{"birth_date":"1980-05-17","nationality":"FRA","country_of_residence":"FRA"},
             "is_default_repayment_method":true,"apply_to_all_active_loans":true}
            """
                .formatted(PAYOUT_IBAN));
    assertThat(sdd.status()).as(sdd.body()).isEqualTo(201);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        http.get("/loan/" + id, KEY_A).json().path("repayment_method").asString())
                    .isEqualTo("DIRECT_DEBIT"));
  }

  @Test
  void aPayoutTheBankRejectsIsAnIssueAndReleasesTheCredit() {
    long before = availableCredit(sctBorrower);
    String salt = salt();
    String id =
        http.postJson("/loans", KEY_A, body(sctBorrower, 15_000, "INV-F" + salt, 30, false, salt))
            .json()
            .path("id")
            .asString();
    Http.Response arranged =
        http.postJson("/sandbox/loan/" + id + "/fail-payout", KEY_A, "{\"reason\":\"AC04\"}");
    assertThat(arranged.status()).as(arranged.body()).isEqualTo(200);

    assertThat(http.postJson("/loan/" + id + "/validate", KEY_A, "").status()).isEqualTo(200);

    JsonNode issue = awaitStatus(id, "ISSUE_DETECTED");
    assertThat(issue.path("denial_reason").asString()).isEqualTo("PAYOUT_FAILED");
    JsonNode payout = http.get("/payments?loan_id=" + id, KEY_A).json().path("data").get(0);
    assertThat(payout.path("status").asString()).isEqualTo("FAILED");
    assertThat(payout.path("failure_reason").asString()).isEqualTo("AC04");
    assertThat(availableCredit(sctBorrower)).isEqualTo(before);
  }

  @Test
  void malformedLoanRequestsCreateNothing() {
    int before = jdbc.sql("select count(*) from loans").query(Integer.class).single();
    String salt = salt();
    String good = body(sctBorrower, 10_000, "INV-M" + salt, 30, true, salt);

    assertThat(
            http.postJson("/loans", KEY_A, good.replace("\"salt_id\":\"" + salt + "\",", ""))
                .status())
        .isEqualTo(400);
    Http.Response badIban =
        http.postJson(
            "/loans",
            KEY_A,
            good.replace(
                "\"loan_to\":{\"account_number\":\"FR14",
                "\"loan_to\":{\"account_number\":\"FR15"));
    assertThat(badIban.status()).isEqualTo(400);
    assertThat(badIban.json().path("errors").get(0).path("field").asString())
        .isEqualTo("loan_to.account_number");
    assertThat(
            http.postJson(
                    "/loans",
                    KEY_A,
                    good.replace(
                        "\"to_pay_at\":\"" + TODAY, "\"to_pay_at\":\"" + TODAY.minusDays(1)))
                .status())
        .isEqualTo(400);
    assertThat(http.postJson("/loans", KEY_A, good.replace(sctBorrower, "nobody")).status())
        .isEqualTo(400);
    assertThat(
            http.postJson("/loans", KEY_A, good.replace("INVOICE_BASED_FINANCING", "OTHER"))
                .status())
        .isEqualTo(400);
    assertThat(
            http.postJson("/loans", KEY_A, good.replace("\"amount\":10000", "\"amount\":\"10000\""))
                .status())
        .isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from loans").query(Integer.class).single())
        .isEqualTo(before);
  }
}
