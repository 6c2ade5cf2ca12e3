package dev.avance.workflows.document;

/** Where a document's mail stands. */
public enum DeliveryStatus {
  /** Stored, not mailed yet. */
  PENDING,
  /** Accepted by the mail server. */
  SENT,
  /** Its recipient has no email address on file: nothing to send to. */
  NO_RECIPIENT,
  /** No mail server is configured in this deployment. */
  DISABLED
}
