package dev.avance.workflows.document;

/** The stored document; {@code created} is false when an earlier attempt had stored it. */
public record DocumentIssued(String documentId, boolean created) {}
