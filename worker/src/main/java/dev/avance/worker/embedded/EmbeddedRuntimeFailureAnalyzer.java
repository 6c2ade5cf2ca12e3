package dev.avance.worker.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an embedded-runtime failure into Spring Boot's short "failed to start" report. */
public class EmbeddedRuntimeFailureAnalyzer
    extends AbstractFailureAnalyzer<EmbeddedRuntimeException> {
  @Override
  protected FailureAnalysis analyze(Throwable root, EmbeddedRuntimeException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
