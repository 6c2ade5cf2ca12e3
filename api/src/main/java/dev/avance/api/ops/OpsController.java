package dev.avance.api.ops;

import dev.avance.api.billing.Periods;
import dev.avance.api.error.ApiException;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.api.temporal.WorkflowGateway;
import dev.avance.api.temporal.WorkflowGateway.BillingRunStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Avance's operators (the operator key, not a platform's): billing runs on demand. */
@RestController
@Tag(name = Tags.OPERATORS)
public class OpsController {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final WorkflowGateway workflows;
  private final Clock clock;

  public OpsController(WorkflowGateway workflows, Clock clock) {
    this.workflows = workflows;
    this.clock = clock;
  }

  /**
   * Bills a period now: starts {@code billing-YYYY-MM}, or answers with the existing run's status
   * (a period is billed once). 202 while it runs, 200 once it has ended. A period in progress is
   * billed up to today; its remaining days go on the next period's bills.
   */
  @Operation(
      operationId = "startBillingRun",
      summary = "Bill a period now",
      description =
          "Starts billing-YYYY-MM or answers with the existing run (a period is billed once)."
              + " Operator key only.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The run has ended",
            content = @Content(schema = @Schema(implementation = BillingRunResponse.class))),
        @ApiResponse(
            responseCode = "202",
            description = "The run is going on",
            content = @Content(schema = @Schema(implementation = BillingRunResponse.class)))
      })
  @ProblemResponse(
      status = 403,
      description =
          "`forbidden`: a platform's key; `operator_access_disabled`: no operator key is configured")
  @PostMapping(path = "/ops/billing-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<BillingRunResponse> startBillingRun(
      @Valid @RequestBody BillingRunRequest body) {
    YearMonth period = Periods.parse("period", body.period());
    if (period.isAfter(YearMonth.now(clock.withZone(PARIS)))) {
      throw ApiException.invalidField(
          "period", "out_of_range", "must not be after the current month");
    }
    BillingRunStatus run = workflows.startBillingRun(period);
    return ResponseEntity.status(
            "RUNNING".equals(run.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(
            new BillingRunResponse(period.toString(), run.workflowId(), run.runId(), run.status()));
  }
}
