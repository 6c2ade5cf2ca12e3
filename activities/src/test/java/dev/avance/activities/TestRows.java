package dev.avance.activities;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The platform and borrower rows that activity tests on PostgreSQL start from. */
public final class TestRows {
  private final JdbcClient jdbc;

  public TestRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void platform(String id) {
    jdbc.sql("insert into platforms (id, name, api_key_hash) values (:id, :id, :hash)")
        .param("id", id)
        .param("hash", "hash-of-" + id)
        .update();
  }

  /** A French borrower; {@code virtualIban} may be null. */
  public void borrower(
      String id, String platformId, String status, String virtualIban, Instant at) {
    jdbc.sql(
            """
            insert into borrowers (id, platform_id, identifier, identifier_type, country, status,
                virtual_iban, created_at, updated_at)
            values (:id, :p, :identifier, 'SIREN', 'FRA', :status, :iban, :at, :at)
            """)
        .param("id", id)
        .param("p", platformId)
        .param("identifier", "ident-" + id)
        .param("status", status)
        .param("iban", virtualIban)
        .param("at", Timestamp.from(at))
        .update();
  }
}
