package dev.avance.activities.terms;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The T&Cs' published versions, oldest first; the last is current, and a borrower whose latest
 * acceptance is of an older one signs again before its next loan.
 */
@ConfigurationProperties("avance.terms")
public record TermsProperties(@DefaultValue("2026-01") List<String> versions) {
  public TermsProperties {
    if (versions == null || versions.isEmpty()) {
      throw new IllegalArgumentException("avance.terms.versions needs at least one version");
    }
    versions = List.copyOf(versions);
  }

  public String current() {
    return versions.get(versions.size() - 1);
  }

  public String first() {
    return versions.get(0);
  }
}
