package dev.avance.workflows.document;

/** What a stored document is; at most one of each kind per loan. */
public enum DocumentKind {
  LOAN_CONTRACT
}
