package dev.avance.api.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers errors raised outside Spring MVC (the container's error path) as problems too. */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    int code = status instanceof Integer i ? i : 500;
    String instance = uri == null ? null : uri.toString();
    ErrorCode errorCode =
        switch (code) {
          case 400 -> ErrorCode.MALFORMED_REQUEST;
          case 401 -> ErrorCode.UNAUTHORIZED;
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
          default -> ErrorCode.INTERNAL_ERROR;
        };
    String detail =
        errorCode == ErrorCode.INTERNAL_ERROR
            ? "An unexpected error occurred"
            : HttpStatus.valueOf(errorCode.status().value()).getReasonPhrase();
    return Problems.of(errorCode, detail, instance);
  }
}
