package dev.avance.api.error;

/** One invalid field: its JSON path (snake_case), a stable code and a human message. */
public record FieldProblem(String field, String code, String message) {}
