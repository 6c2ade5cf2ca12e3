package dev.avance.api.error;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds problem responses; shared by the controller advice and the fallback error path. */
public final class Problems {
  /** What a 503 asks the client to wait before it retries the same request. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private Problems() {}

  public static ResponseEntity<ProblemDetail> of(
      ErrorCode code,
      String detail,
      String instance,
      List<FieldProblem> errors,
      Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
    problem.setType(URI.create("urn:avance:problem:" + code.code()));
    problem.setTitle(code.title());
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    problem.setProperty("code", code.code());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    extra.forEach(problem::setProperty);
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (code.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      // An outage of Temporal or PostgreSQL: the embedded runtime restarts them within seconds.
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
    }
    return response.body(problem);
  }

  public static ResponseEntity<ProblemDetail> of(ErrorCode code, String detail, String instance) {
    return of(code, detail, instance, List.of(), Map.of());
  }
}
