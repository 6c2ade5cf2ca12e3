package dev.avance.activities.terms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The borrowers' acceptances of the T&Cs; the latest one counts. */
@Repository
public class TermsRepository {
  private final JdbcClient jdbc;

  public TermsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Acceptance(String version, String language, Instant signedAt) {}

  public void accept(
      String platformId,
      String borrowerId,
      String version,
      String language,
      Instant signedAt,
      Instant at) {
    jdbc.sql(
            """
            insert into terms_acceptances
                (platform_id, borrower_id, version, language, signed_at, created_at)
            values (:p, :b, :version, :language, :signed, :at)
            """)
        .param("p", platformId)
        .param("b", borrowerId)
        .param("version", version)
        .param("language", language)
        .param("signed", Timestamp.from(signedAt))
        .param("at", Timestamp.from(at))
        .update();
  }

  public Optional<Acceptance> latest(String borrowerId) {
    return jdbc.sql(
            """
            select version, language, signed_at from terms_acceptances
            where borrower_id = :b order by id desc limit 1
            """)
        .param("b", borrowerId)
        .query(
            (rs, n) ->
                new Acceptance(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .optional();
  }

  /**
   * The version a borrower accepted: its latest acceptance, or the first version for a borrower
   * that signed before versions were recorded; empty when it never signed.
   */
  public Optional<String> acceptedVersion(
      String borrowerId, Instant signedAt, TermsCatalogue catalogue) {
    Optional<Acceptance> latest = latest(borrowerId);
    if (latest.isPresent()) {
      return Optional.of(latest.get().version());
    }
    return signedAt == null ? Optional.empty() : Optional.of(catalogue.first());
  }
}
