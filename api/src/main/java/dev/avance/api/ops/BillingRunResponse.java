package dev.avance.api.ops;

import io.swagger.v3.oas.annotations.media.Schema;

/** A billing run: its period, its Temporal workflow and run ids, and its status there. */
public record BillingRunResponse(
    String period,
    String workflowId,
    String runId,
    @Schema(
            description = "The run's status in Temporal.",
            allowableValues = {
              "RUNNING",
              "COMPLETED",
              "FAILED",
              "CANCELED",
              "TERMINATED",
              "CONTINUED_AS_NEW",
              "TIMED_OUT"
            })
        String status) {}
