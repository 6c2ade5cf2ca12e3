package dev.avance.activities;

import dev.avance.activities.platform.Environment;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The platform and borrower rows that activity tests on PostgreSQL start from. */
public final class TestRows {
  private final JdbcClient jdbc;

  public TestRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A platform row of the environment, without keys. A SANDBOX row needs its live platform: a LIVE
   * row {@code <id>-live} is made with it. Tests whose money moves use SANDBOX rows, the only ones
   * the bank simulator serves.
   */
  /** A LIVE platform row, without keys. */
  public void platform(String id) {
    platform(id, Environment.LIVE);
  }

  public void platform(String id, Environment environment) {
    String live = environment == Environment.LIVE ? id : id + "-live";
    jdbc.sql("insert into platforms (id, name) values (:id, :id)").param("id", live).update();
    if (environment == Environment.SANDBOX) {
      jdbc.sql(
              """
              insert into platforms (id, name, environment, live_platform_id)
              values (:id, :id, 'SANDBOX', :live)
              """)
          .param("id", id)
          .param("live", live)
          .update();
    }
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

  /** A sandbox platform row, tied to its live platform (which must exist). */
  public void sandboxPlatform(String id, String livePlatformId) {
    jdbc.sql(
            """
            insert into platforms (id, name, environment, live_platform_id)
            values (:id, :id, 'SANDBOX', :live)
            """)
        .param("id", id)
        .param("live", livePlatformId)
        .update();
  }

  /** The borrower's legal name, as the bank shows it to payees and debtors. */
  public void borrowerName(String borrowerId, String name) {
    jdbc.sql("update borrowers set name = :name where id = :id")
        .param("name", name)
        .param("id", borrowerId)
        .update();
  }

  /**
   * A READY default repayment method of the borrower under a mandate: {@code paymentMethod}
   * DIRECT_DEBIT (a SEPA CORE mandate) or SCT with a wallet account (a B2B mandate).
   */
  public void mandate(
      String borrowerId,
      String platformId,
      String paymentMethod,
      String mandateReference,
      String iban,
      Instant signedAt) {
    jdbc.sql(
            """
            insert into repayment_methods (id, borrower_id, platform_id, payment_method, status,
                is_default, iban, mandate_reference, mandate_signed_at,
                apply_to_all_active_loans, created_at, updated_at)
            values (:id, :b, :p, :method, 'READY', true, :iban, :mandate, :signed, false, :signed,
                :signed)
            """)
        .param("id", "method-" + mandateReference)
        .param("b", borrowerId)
        .param("p", platformId)
        .param("method", paymentMethod)
        .param("iban", iban)
        .param("mandate", mandateReference)
        .param("signed", Timestamp.from(signedAt))
        .update();
  }
}
