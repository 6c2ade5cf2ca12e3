package dev.avance.api.error;

import dev.avance.api.limits.BodyLimitFilter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every error to an RFC 9457 problem with a stable {@code code}; never a stack trace. */
@RestControllerAdvice
public class ProblemAdvice {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
    return Problems.of(e.code(), e.getMessage(), request.getRequestURI(), e.errors(), e.extra());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalidBody(
      MethodArgumentNotValidException e, HttpServletRequest request) {
    List<FieldProblem> errors =
        e.getBindingResult().getFieldErrors().stream().map(ProblemAdvice::fieldProblem).toList();
    return validation(errors, request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    List<FieldProblem> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                new FieldProblem(
                                    r.getMethodParameter().getParameterName() == null
                                        ? "parameter"
                                        : snake(r.getMethodParameter().getParameterName()),
                                    codeOf(err.getCodes()),
                                    err.getDefaultMessage())))
            .toList();
    return validation(errors, request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof BodyLimitFilter.BodyTooLarge) {
        return Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, c.getMessage(), request.getRequestURI());
      }
      if (c instanceof StreamConstraintsException) {
        return Problems.of(
            ErrorCode.MALFORMED_REQUEST,
            "The request body is beyond the JSON limits: " + firstLine(c.getMessage()),
            request.getRequestURI());
      }
    }
    // The Jackson exception carries the JSON path; a parse error of a date may be wrapped in it.
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof UnrecognizedPropertyException u) {
      return validation(
          List.of(
              new FieldProblem(
                  path(u), "unknown_field", "unknown field '" + u.getPropertyName() + "'")),
          request);
    }
    if (cause instanceof InvalidFormatException f && f.getTargetType() != null) {
      Class<?> target = f.getTargetType();
      if (target.isEnum()) {
        String allowed =
            Arrays.stream(target.getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
        return validation(
            List.of(
                new FieldProblem(
                    path(f), "invalid_value", "'" + f.getValue() + "' is not one of: " + allowed)),
            request);
      }
      return validation(
          List.of(new FieldProblem(path(f), "invalid_type", "expected " + typeName(target))),
          request);
    }
    if (cause instanceof JacksonException j
        && !(cause instanceof StreamReadException)
        && !j.getPath().isEmpty()) {
      Class<?> target = cause instanceof MismatchedInputException m ? m.getTargetType() : null;
      String expected = target == null ? "a valid value" : typeName(target);
      return validation(
          List.of(new FieldProblem(path(j), "invalid_type", "expected " + expected)), request);
    }
    String detail =
        cause instanceof JacksonException && !isEmptyBody(cause)
            ? "The request body is not valid JSON: " + firstLine(cause.getMessage())
            : "A JSON request body is required";
    return Problems.of(ErrorCode.MALFORMED_REQUEST, detail, request.getRequestURI());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    Class<?> target = e.getRequiredType();
    String message;
    String code;
    if (target != null && target.isEnum()) {
      code = "invalid_value";
      message =
          "'"
              + e.getValue()
              + "' is not one of: "
              + Arrays.stream(target.getEnumConstants())
                  .map(Object::toString)
                  .collect(Collectors.joining(", "));
    } else {
      code = "invalid_type";
      message = "expected " + (target == null ? "another type" : typeName(target));
    }
    return validation(List.of(new FieldProblem(e.getName(), code, message)), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return validation(
        List.of(new FieldProblem(e.getParameterName(), "required", "is required")), request);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> missingHeader(
      MissingRequestHeaderException e, HttpServletRequest request) {
    return validation(
        List.of(new FieldProblem(e.getHeaderName(), "required", "header is required")), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> problem =
        Problems.of(
            ErrorCode.METHOD_NOT_ALLOWED,
            e.getMethod() + " is not supported here",
            request.getRequestURI());
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(problem.getHeaders());
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return ResponseEntity.status(problem.getStatusCode()).headers(headers).body(problem.getBody());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedMediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return Problems.of(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type "
            + (e.getContentType() == null ? "(none)" : e.getContentType())
            + " is not supported; send "
            + (e.getSupportedMediaTypes().isEmpty()
                ? "application/json"
                : e.getSupportedMediaTypes().stream()
                    .map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(" or "))),
        request.getRequestURI());
  }

  /** A query string the container cannot parse (a parameter without a name, say). */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> unparsableQuery(
      InvalidParameterException e, HttpServletRequest request) {
    return Problems.of(
        ErrorCode.MALFORMED_REQUEST,
        "The query string cannot be parsed: every parameter needs a name",
        request.getRequestURI());
  }

  /** A multipart Content-Type the endpoint does not take, even on a GET. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
    return Problems.of(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Multipart bodies are not supported; send application/json",
        request.getRequestURI());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return Problems.of(
        ErrorCode.NOT_ACCEPTABLE,
        "Responses are application/json or application/problem+json",
        request.getRequestURI());
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ProblemDetail> noRoute(Exception e, HttpServletRequest request) {
    return Problems.of(
        ErrorCode.NOT_FOUND, "No endpoint " + request.getRequestURI(), request.getRequestURI());
  }

  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ResponseEntity<ProblemDetail> temporal(RuntimeException e, HttpServletRequest request) {
    Throwable root = e;
    while (root.getCause() != null && !(root instanceof StatusRuntimeException)) {
      root = root.getCause();
    }
    if (root instanceof StatusRuntimeException s
        && (s.getStatus().getCode() == Status.Code.UNAVAILABLE
            || s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)) {
      log.warn("Temporal is unreachable: {}", s.getStatus());
      return Problems.of(
          ErrorCode.TEMPORARILY_UNAVAILABLE,
          "The workflow service is unreachable; retry with the same request",
          request.getRequestURI(),
          List.of(),
          Map.of());
    }
    return unexpected(e, request);
  }

  // A @Transactional method that cannot get its connection fails before any data access.
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseDown(RuntimeException e, HttpServletRequest request) {
    log.warn(
        "Database unavailable on {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        e.getMessage());
    return Problems.of(
        ErrorCode.TEMPORARILY_UNAVAILABLE,
        "The database is unreachable; retry with the same request",
        request.getRequestURI());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return Problems.of(
        ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", request.getRequestURI());
  }

  private static ResponseEntity<ProblemDetail> validation(
      List<FieldProblem> errors, HttpServletRequest request) {
    String detail =
        errors.stream()
            .map(err -> err.field() + ": " + err.message())
            .collect(Collectors.joining("; "));
    return Problems.of(
        ErrorCode.VALIDATION_FAILED, detail, request.getRequestURI(), errors, Map.of());
  }

  private static FieldProblem fieldProblem(FieldError error) {
    return new FieldProblem(
        snake(error.getField()), codeOf(error.getCodes()), error.getDefaultMessage());
  }

  /** Maps a Bean Validation constraint to a stable field code. */
  private static String codeOf(String[] codes) {
    String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
    return switch (constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Size", "Max", "Min", "Positive", "PositiveOrZero", "DecimalMax", "DecimalMin" ->
          "out_of_range";
      case "Pattern", "Email" -> "invalid_format";
      default -> "invalid_value";
    };
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "an integer";
    }
    if (type == LocalDate.class) {
      return "a date (YYYY-MM-DD)";
    }
    if (Temporal.class.isAssignableFrom(type) || type == OffsetDateTime.class) {
      return "a date-time (ISO-8601 with offset)";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static boolean isEmptyBody(Throwable cause) {
    return cause instanceof MismatchedInputException
        && cause.getMessage() != null
        && cause.getMessage().startsWith("No content to map");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
