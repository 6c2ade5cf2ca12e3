package dev.avance.api.error;

import java.util.List;
import java.util.Map;

/** A request that cannot be served, answered as an RFC 9457 problem. */
public class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final List<FieldProblem> errors;
  private final Map<String, Object> extra;

  public ApiException(ErrorCode code, String detail) {
    this(code, detail, List.of(), Map.of());
  }

  public ApiException(
      ErrorCode code, String detail, List<FieldProblem> errors, Map<String, Object> extra) {
    super(detail);
    this.code = code;
    this.errors = errors;
    this.extra = extra;
  }

  public static ApiException invalidField(String field, String code, String message) {
    return new ApiException(
        ErrorCode.VALIDATION_FAILED,
        "Invalid field " + field + ": " + message,
        List.of(new FieldProblem(field, code, message)),
        Map.of());
  }

  public static ApiException notFound(String what) {
    return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
  }

  public ErrorCode code() {
    return code;
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  public Map<String, Object> extra() {
    return extra;
  }
}
