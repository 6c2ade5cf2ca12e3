package dev.avance.activities.reconciliation;

import static dev.avance.activities.common.SqlTimes.instant;

import dev.avance.activities.common.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The credits received on virtual IBANs, as operators see them: matched, or parked and why. */
@Repository
public class IncomingCreditRepository {
  /**
   * Keyset pagination runs on (created_at, id): here the reception time and the bank's reference.
   * The borrower and platform are those whose virtual IBAN received the credit, when one did.
   */
  private static final String SELECT =
      """
      select * from (
          select c.bank_reference as id, c.received_at as created_at, c.to_iban, c.from_iban,
              c.amount_cents, c.remittance_information, c.status, c.parked_reason,
              c.matched_loan_id, b.id as borrower_id, b.platform_id
          from bank_incoming_credits c
          left join borrowers b on b.virtual_iban = c.to_iban) credits
      where true
      """;

  private final JdbcClient jdbc;

  public IncomingCreditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One credit as operators see it. */
  public record IncomingCreditRow(
      String bankReference,
      Instant receivedAt,
      String toIban,
      String fromIban,
      long amountCents,
      String remittanceInformation,
      String status,
      String parkedReason,
      String loanId,
      String borrowerId,
      String platformId) {}

  public Optional<IncomingCreditRow> findByReference(String bankReference) {
    return jdbc.sql(SELECT + " and id = :ref")
        .param("ref", bankReference)
        .query(IncomingCreditRepository::map)
        .optional();
  }

  /** A page of credits, all or in one status, in the order of the keyset. */
  public List<IncomingCreditRow> find(String status, Keyset page) {
    StringBuilder sql = new StringBuilder(SELECT);
    if (status != null) {
      sql.append(" and status = :status");
    }
    page.appendTo(sql);
    JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
    if (status != null) {
      spec = spec.param("status", status);
    }
    return page.bind(spec).query(IncomingCreditRepository::map).list();
  }

  private static IncomingCreditRow map(ResultSet rs, int row) throws SQLException {
    return new IncomingCreditRow(
        rs.getString("id"),
        instant(rs, "created_at"),
        rs.getString("to_iban"),
        rs.getString("from_iban"),
        rs.getLong("amount_cents"),
        rs.getString("remittance_information"),
        rs.getString("status"),
        rs.getString("parked_reason"),
        rs.getString("matched_loan_id"),
        rs.getString("borrower_id"),
        rs.getString("platform_id"));
  }
}
