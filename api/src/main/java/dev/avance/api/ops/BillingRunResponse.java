package dev.avance.api.ops;

/** A billing run: its period, its Temporal workflow and run ids, and its status there. */
public record BillingRunResponse(String period, String workflowId, String runId, String status) {}
