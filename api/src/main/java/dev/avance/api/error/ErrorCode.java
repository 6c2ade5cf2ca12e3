package dev.avance.api.error;

import org.springframework.http.HttpStatus;

/** Stable, machine-readable problem codes; the {@code code} member of every problem response. */
public enum ErrorCode {
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Missing or invalid API key"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "This key may not call this endpoint"),
  OPERATOR_ACCESS_DISABLED(HttpStatus.FORBIDDEN, "Operator endpoints are disabled"),
  SANDBOX_DISABLED(HttpStatus.FORBIDDEN, "Sandbox keys are not accepted here"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
  VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request has invalid fields"),
  MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request body is not valid JSON"),
  INVALID_BANK_MESSAGE(HttpStatus.BAD_REQUEST, "Not a valid ISO 20022 bank file"),
  PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  DUPLICATE_IDENTIFIER(HttpStatus.CONFLICT, "Borrower already onboarded"),
  INVALID_STATE(HttpStatus.CONFLICT, "Not allowed in the current state"),
  SALT_ID_REUSED(HttpStatus.CONFLICT, "salt_id already used for another request"),
  IDEMPOTENCY_KEY_REUSED(HttpStatus.CONFLICT, "Idempotency-Key already used for another request"),
  IDEMPOTENCY_KEY_IN_PROGRESS(
      HttpStatus.CONFLICT, "A request with this Idempotency-Key is still running"),
  LOAN_LATE(HttpStatus.CONFLICT, "The loan is late: only its repayment ends that"),
  DIRECT_DEBIT_ALREADY_INSTRUCTED(
      HttpStatus.CONFLICT, "The direct debit is with the bank: the date can no longer move"),
  PLATFORM_EXISTS(HttpStatus.CONFLICT, "A platform already has this id"),
  KEY_LIMIT_REACHED(HttpStatus.CONFLICT, "Two keys are active already"),
  WEBHOOK_LIMIT_REACHED(HttpStatus.CONFLICT, "The webhook subscriptions are at their limit"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
  TEMPORARILY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

  private final HttpStatus status;
  private final String title;

  ErrorCode(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
