package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.avance.activities.platform.Environment;
import dev.avance.activities.platform.PlatformRepository;
import dev.avance.workflows.billing.BillingWorkflow;
import dev.avance.workflows.rules.TargetCalendar;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.workflowservice.v1.DeleteWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Billing end to end, in-process against real PostgreSQL and a real `temporal server start-dev`:
 * loans paid out over HTTP, a billing run of the current month started through the operator
 * endpoint, the bills read through GET /bills and GET /bill/{id}, and the monthly schedule on the
 * dev server.
 *
 * <p>The test onboards a platform of its own, so its bills are its own whatever else the shared
 * runtime (and the state kept in target/ from earlier builds) holds; and since a period is billed
 * once, it first deletes a run of the current month left by an earlier build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillingIT extends EmbeddedApiTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate TODAY = LocalDate.now(PARIS);
  private static final YearMonth PERIOD = YearMonth.from(TODAY);
  private static final String PAYOUT_IBAN = "FR1420041010050500013M02606";
  private static final AtomicInteger SALT = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired PlatformRepository platforms;
  @Autowired WorkflowClient workflowClient;
  @Autowired WorkflowServiceStubs stubs;
  @Autowired ScheduleClient schedules;
  Http http;
  String key;
  String platformId;
  String sddBorrower;
  String sctBorrower;
  String sddLoan;
  String sctLoan;

  @BeforeAll
  void setUp() {
    http = new Http("http://localhost:" + port);
    platforms.upsert("platform-b", "Platform B", Environment.SANDBOX, KEY_B);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    key = "avk_test_billing_" + suffix + "_0123456789abcdef";
    // The sandbox row: its loans are paid out by the bank simulator. Its bills name that row.
    platformId =
        platforms
            .upsert("billing-it-" + suffix, "Billing IT " + suffix, Environment.SANDBOX, key)
            .id();

    sddBorrower = readyBorrower();
    Http.Response sdd =
        http.postJson(
            "/borrower/" + sddBorrower + "/repayment-methods", key, Bodies.sddMethod(PAYOUT_IBAN));
    assertThat(sdd.status()).as(sdd.body()).isEqualTo(201);
    sctBorrower = readyBorrower();
    sddLoan = paidOutLoan(sddBorrower, 50_000);
    sctLoan = paidOutLoan(sctBorrower, 30_000);
  }

  private String readyBorrower() {
    Http.Response r =
        http.postJson(
            "/borrowers",
            key,
            "{\"identifier\":\""
                + Sirens.eligible()
                + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
    assertThat(r.json().path("status").asString()).as(r.body()).isEqualTo("READY");
    return r.json().path("id").asString();
  }

  /** A loan paid out today (to_pay_at today is paid at once), once it is TO_REPAY. */
  private String paidOutLoan(String borrower, long amount) {
    String salt = "billing-" + System.nanoTime() + "-" + SALT.incrementAndGet();
    Http.Response created =
        http.postJson(
            "/loans",
            key,
            """
            {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
             "invoice":{"number":"INV-%s","amount":100000,"issue_date":"%s","due_date":"%s",
                        "debtor":{"name":"Debtor SA","identifier":"732829320"}},
             "loan_to":{"account_number":"%s","bank_identifier":"PSSTFRPPPAR"},
             "to_pay_at":"%s","to_repay_at":"%s","auto_validate":true,"salt_id":"%s"}
            """
                .formatted(
                    borrower,
                    amount,
                    salt,
                    TODAY.minusDays(2),
                    TODAY.plusDays(60),
                    PAYOUT_IBAN,
                    TODAY,
                    TODAY.plusDays(30),
                    salt));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(http.get("/loan/" + id, key).json().path("status").asString())
                    .isEqualTo("TO_REPAY"));
    return id;
  }

  /** A period is billed once: a run of this month left by an earlier build would bill nothing. */
  private void forgetEarlierRunOfThePeriod() {
    String workflowId = BillingWorkflow.workflowId(PERIOD);
    try {
      stubs
          .blockingStub()
          .deleteWorkflowExecution(
              DeleteWorkflowExecutionRequest.newBuilder()
                  .setNamespace(workflowClient.getOptions().getNamespace())
                  .setWorkflowExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try {
                workflowClient.newUntypedWorkflowStub(workflowId).describe();
                return false;
              } catch (WorkflowNotFoundException gone) {
                return true;
              }
            });
  }

  private JsonNode startRun(String period, int expectedStatus) {
    Http.Response r =
        http.postJson("/ops/billing-runs", OPERATOR_KEY, "{\"period\":\"" + period + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
    return r.json();
  }

  private static void assertProblem(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().path("code").asString()).isEqualTo(code);
  }

  @Test
  void theCurrentMonthIsBilledOnDemandAndTheBillsAreReadOverHttp() {
    forgetEarlierRunOfThePeriod();

    JsonNode run = startRun(PERIOD.toString(), 202);
    assertThat(run.path("workflow_id").asString()).isEqualTo("billing-" + PERIOD);
    assertThat(run.path("status").asString()).isEqualTo("RUNNING");
    // Idempotent: the same run, not a second one.
    JsonNode again = startRun(PERIOD.toString(), 202);
    assertThat(again.path("run_id").asString()).isEqualTo(run.path("run_id").asString());

    // The borrower who repays by direct debit pays its own bill, debited 3 business days later.
    JsonNode[] borrowerBills = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              borrowerBills[0] =
                  http.get(
                          "/bills?period="
                              + PERIOD
                              + "&payer_type=BORROWER&payer_id="
                              + sddBorrower,
                          key)
                      .json()
                      .path("data");
              assertThat(borrowerBills[0]).hasSize(1);
              assertThat(borrowerBills[0].get(0).path("status").asString()).isEqualTo("TO_PAY");
              assertThat(borrowerBills[0].get(0).path("payment").path("status").asString())
                  .isEqualTo("INSTRUCTED");
            });
    JsonNode borrowerBill = borrowerBills[0].get(0);
    LocalDate collection = TargetCalendar.addBusinessDays(TODAY, 3);
    assertThat(borrowerBill.path("billed_borrower_id").asString()).isEqualTo(sddBorrower);
    assertThat(borrowerBill.path("period").asString()).isEqualTo(PERIOD.toString());
    assertThat(borrowerBill.path("to_pay_amount").asLong()).isEqualTo(25);
    assertThat(borrowerBill.path("due_date").asString()).isEqualTo(collection.toString());
    assertThat(borrowerBill.path("payment").path("collection_date").asString())
        .isEqualTo(collection.toString());
    assertThat(borrowerBill.path("payment").path("id").asString())
        .isEqualTo("bill-" + borrowerBill.path("id").asString() + ":debit");
    assertThat(borrowerBill.has("lines")).isFalse();

    JsonNode detail = http.get("/bill/" + borrowerBill.path("id").asString(), key).json();
    assertThat(detail.path("lines")).hasSize(1);
    JsonNode line = detail.path("lines").get(0);
    assertThat(line.path("loan_id").asString()).isEqualTo(sddLoan);
    // Penalties are off by default: the loan's interest line only.
    assertThat(line.path("kind").asString()).isEqualTo("INTEREST");
    // Paid out today, billed today: the payout day, 0.05 % of EUR 500.
    assertThat(line.path("days").asInt()).isEqualTo(1);
    assertThat(line.path("first_day").asString()).isEqualTo(TODAY.toString());
    assertThat(line.path("principal").asLong()).isEqualTo(50_000);
    assertThat(line.path("exact_interest").asString()).isEqualTo("25.0000");
    assertThat(line.path("amount").asLong()).isEqualTo(25);

    // The same bill as a PDF (its line, total, due date and how to pay) and as CSV.
    String billId = borrowerBill.path("id").asString();
    Http.Bytes pdf = http.getBytes("/bill/" + billId + "/document", key);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    assertThat(Pdfs.text(pdf.body()))
        .contains(billId, sddLoan, "0,25 €", collection.toString())
        .contains(detail.path("payment_instructions").path("account_number").asString())
        .contains(detail.path("payment_instructions").path("reference").asString());
    Http.Response csv =
        http.get("/bills?period=" + PERIOD + "&payer_id=" + sddBorrower, key, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body().split("\r\n"))
        .hasSize(2)
        .satisfies(rows -> assertThat(rows[0]).startsWith("id,period,payer_type,payer_id"))
        .satisfies(rows -> assertThat(rows[1]).startsWith(billId + "," + PERIOD + ",BORROWER,"))
        .satisfies(rows -> assertThat(rows[1]).contains(",25,0.25,EUR,"));
    Http.Response linesCsv = http.get("/bill/" + billId, key, "text/csv");
    assertThat(linesCsv.contentType()).startsWith("text/csv");
    assertThat(linesCsv.body().split("\r\n"))
        .containsExactly(
            "bill_id,kind,loan_id,first_day,last_day,days,principal,principal_days,"
                + "exact_interest,amount,amount_eur",
            billId
                + ",INTEREST,"
                + sddLoan
                + ","
                + TODAY
                + ","
                + TODAY
                + ",1,50000,50000,25.0000,25,0.25");

    // The borrower repaying by transfer: the platform pays.
    List<JsonNode> platformBills =
        http.get("/bills?period=" + PERIOD + "&payer_type=PLATFORM&status=TO_PAY", key)
            .json()
            .path("data")
            .valueStream()
            .toList();
    assertThat(platformBills).hasSize(1);
    assertThat(platformBills.get(0).path("payer_id").asString()).isEqualTo(platformId);
    assertThat(platformBills.get(0).path("payment").isNull()).isTrue();
    JsonNode platformDetail =
        http.get("/bill/" + platformBills.get(0).path("id").asString(), key).json();
    assertThat(platformDetail.path("lines").valueStream().map(l -> l.path("loan_id").asString()))
        .containsExactly(sctLoan);
    assertThat(platformDetail.path("to_pay_amount").asLong()).isEqualTo(15);

    // The platform's transfer arrived: an operator records it, once.
    String platformBillId = platformBills.get(0).path("id").asString();
    Http.Response paid =
        http.postJson("/ops/bill/" + platformBillId + "/payment", OPERATOR_KEY, "{}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(paid.json().path("status").asString()).isEqualTo("PAID");
    Http.Response paidAgain =
        http.postJson("/ops/bill/" + platformBillId + "/payment", OPERATOR_KEY, "{}");
    assertThat(paidAgain.json().path("status").asString()).isEqualTo("PAID");
    assertThat(http.get("/bill/" + platformBillId, key).json().path("status").asString())
        .isEqualTo("PAID");
    // Both recordings are in the audit log, under the platform's live id.
    JsonNode audit =
        http.get("/ops/audit?platform_id=" + platformId.replace("_sandbox", ""), OPERATOR_KEY)
            .json()
            .path("data");
    assertThat(
            audit
                .valueStream()
                .filter(e -> e.path("action").asString().equals("bill.payment"))
                .map(e -> e.path("target").asString()))
        .containsExactly(platformBillId, platformBillId);
    assertThat(
            http.get("/ops/audit?page_size=100", OPERATOR_KEY)
                .json()
                .path("data")
                .valueStream()
                .filter(e -> e.path("action").asString().equals("billing_run.start"))
                .map(e -> e.path("target").asString()))
        .contains(PERIOD.toString());
    // A borrower's bill is collected by debit, never recorded as the platform's payment.
    assertProblem(
        http.postJson(
            "/ops/bill/" + borrowerBill.path("id").asString() + "/payment", OPERATOR_KEY, "{}"),
        409,
        "invalid_state");
    assertProblem(
        http.postJson(
            "/ops/bill/" + platformBillId + "/payment",
            OPERATOR_KEY,
            "{\"paid_at\":\"2999-01-01T00:00:00Z\"}"),
        400,
        "validation_failed");
    assertProblem(
        http.postJson("/ops/bill/no-such-bill/payment", OPERATOR_KEY, "{}"), 404, "not_found");
    assertProblem(
        http.postJson("/ops/bill/" + platformBillId + "/payment", key, "{}"), 403, "forbidden");

    // Every bill of the platform, its own and its borrowers', through the cursor.
    JsonNode firstPage = http.get("/bills?page_size=1&sort_by=created_at:asc", key).json();
    assertThat(firstPage.path("data")).hasSize(1);
    String next = firstPage.path("next_page").asString();
    JsonNode secondPage =
        http.get("/bills?page_size=1&sort_by=created_at:asc&cursor=" + next, key).json();
    assertThat(secondPage.path("data")).hasSize(1);
    assertThat(secondPage.path("next_page").isNull()).isTrue();
    assertThat(secondPage.path("data").get(0).path("id").asString())
        .isNotEqualTo(firstPage.path("data").get(0).path("id").asString());

    // Another platform's bill is a missing one.
    assertProblem(http.get("/bill/" + borrowerBill.path("id").asString(), KEY_A), 404, "not_found");
    assertThat(http.get("/bills?payer_id=" + sddBorrower, KEY_B).json().path("data").valueStream())
        .isEmpty();
  }

  @Test
  void anOperatorChangesWhoPaysAPlatformsInterest() {
    // A platform of its own, so that the billing of this class's platform is not changed.
    String other = "fees-it-" + UUID.randomUUID().toString().substring(0, 8);
    platforms.upsert(other, "Fees IT", Environment.LIVE, "avk_live_" + other + "_0123456789abcdef");
    JsonNode before = http.get("/ops/platform/" + other, OPERATOR_KEY).json();
    assertThat(before.path("fees_payer").asString()).isEqualTo("AUTO");

    Http.Response changed =
        http.patch("/ops/platform/" + other, OPERATOR_KEY, "{\"fees_payer\":\"PLATFORM\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("fees_payer").asString()).isEqualTo("PLATFORM");
    assertThat(platforms.settings(other).orElseThrow().feesPayer()).isEqualTo("PLATFORM");

    assertProblem(
        http.patch("/ops/platform/" + other, OPERATOR_KEY, "{\"fees_payer\":\"NOBODY\"}"),
        400,
        "validation_failed");
    assertProblem(
        http.patch("/ops/platform/no-such-platform", OPERATOR_KEY, "{\"fees_payer\":\"AUTO\"}"),
        404,
        "not_found");
    assertProblem(http.get("/ops/platform/" + other, key), 403, "forbidden");
    assertThat(platforms.settings(other).orElseThrow().feesPayer()).isEqualTo("PLATFORM");
  }

  @Test
  void theOperatorEndpointTakesTheOperatorKeyOnly() {
    assertProblem(
        http.postJson("/ops/billing-runs", KEY_A, "{\"period\":\"" + PERIOD + "\"}"),
        403,
        "forbidden");
    assertProblem(
        http.postJson("/ops/billing-runs", null, "{\"period\":\"" + PERIOD + "\"}"),
        401,
        "unauthorized");
    assertProblem(
        http.postJson("/ops/billing-runs", "avk_wrong", "{\"period\":\"" + PERIOD + "\"}"),
        403,
        "forbidden");
    // And the operator key is no platform key.
    assertProblem(http.get("/bills", OPERATOR_KEY), 401, "unauthorized");
  }

  @Test
  void aBillingRunNeedsAMonthThatHasBegun() {
    for (String bad : List.of("2026-13", "2026-1", "november", "")) {
      Http.Response r =
          http.postJson("/ops/billing-runs", OPERATOR_KEY, "{\"period\":\"" + bad + "\"}");
      assertProblem(r, 400, "validation_failed");
      assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
    }
    assertProblem(
        http.postJson(
            "/ops/billing-runs", OPERATOR_KEY, "{\"period\":\"" + PERIOD.plusMonths(1) + "\"}"),
        400,
        "validation_failed");
    assertProblem(http.postJson("/ops/billing-runs", OPERATOR_KEY, "{}"), 400, "validation_failed");
    assertProblem(http.get("/bills?period=2026-13", key), 400, "validation_failed");
    assertProblem(http.get("/bills?payer_type=NOBODY", key), 400, "validation_failed");
    assertProblem(http.get("/bills?status=LOST", key), 400, "validation_failed");
  }

  @Test
  void theMonthlyScheduleIsOnTheDevServer() {
    ScheduleDescription schedule = schedules.getHandle(BillingWorkflow.SCHEDULE_ID).describe();

    assertThat(schedule.getSchedule().getSpec().getTimeZoneName()).isEqualTo("Europe/Paris");
    ScheduleCalendarSpec calendar = schedule.getSchedule().getSpec().getCalendars().get(0);
    // The server gives ranges back normalized: start, end and step.
    assertThat(calendar.getDayOfMonth()).containsExactly(new ScheduleRange(1, 1, 1));
    assertThat(calendar.getHour()).containsExactly(new ScheduleRange(6, 6, 1));
    assertThat(calendar.getMinutes()).containsExactly(new ScheduleRange(0, 0, 1));
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow) schedule.getSchedule().getAction();
    assertThat(action.getWorkflowType()).isEqualTo("BillingWorkflow");
    assertThat(schedule.getSchedule().getPolicy().getOverlap())
        .isEqualTo(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP);

    // Triggered now, its run works out the previous month and starts that period's run (whatever
    // state earlier builds left: then the period's run exists already and that is the answer).
    int before = schedule.getInfo().getRecentActions().size();
    ScheduleHandle handle = schedules.getHandle(BillingWorkflow.SCHEDULE_ID);
    handle.trigger(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);
    String[] scheduledRun = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              List<ScheduleActionResult> actions = handle.describe().getInfo().getRecentActions();
              assertThat(actions.size()).isGreaterThan(before);
              scheduledRun[0] =
                  ((ScheduleActionExecutionStartWorkflow)
                          actions.get(actions.size() - 1).getAction())
                      .getWorkflowId();
            });
    // Temporal appends the scheduled time to the action's workflow id.
    assertThat(scheduledRun[0]).startsWith(BillingWorkflow.SCHEDULED_WORKFLOW_ID + "-");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreException(WorkflowNotFoundException.class)
        .untilAsserted(
            () ->
                assertThat(
                        workflowClient
                            .newUntypedWorkflowStub(
                                BillingWorkflow.workflowId(PERIOD.minusMonths(1)))
                            .describe()
                            .getWorkflowType())
                    .isEqualTo("BillingWorkflow"));

    // And as operators see it: the UI server's HTTP API lists it.
    Http ui = new Http("http://localhost:" + uiPort());
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(ui.get("/api/v1/namespaces/default/schedules", null).body())
                    .contains(BillingWorkflow.SCHEDULE_ID));
  }
}
