package dev.avance.workflows.document;

public record MailDocument(String documentId) {}
