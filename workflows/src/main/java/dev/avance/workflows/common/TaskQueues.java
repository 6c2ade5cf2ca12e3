package dev.avance.workflows.common;

/** The task queues, one per domain. */
public final class TaskQueues {
  public static final String BORROWERS = "avance-borrowers";
  public static final String LOANS = "avance-loans";
  public static final String WEBHOOKS = "avance-webhooks";
  public static final String BILLING = "avance-billing";

  private TaskQueues() {}
}
