package dev.avance.activities.borrower;

import static dev.avance.activities.common.SqlTimes.instant;
import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.common.Keyset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BorrowerRepository {
  private static final String COLUMNS =
      "id, platform_id, identifier, identifier_type, country, name, status, status_reason,"
          + " signed_at, metadata::text as metadata, created_at, updated_at, legal_form,"
          + " company_created_on, virtual_iban";

  private final JdbcClient jdbc;

  public BorrowerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row unless its id or its (platform, country, identifier) exists; true if new. */
  public boolean insertIfAbsent(BorrowerRow row) {
    return jdbc.sql(
                """
                insert into borrowers (id, platform_id, identifier, identifier_type, country, name,
                    status, status_reason, signed_at, metadata, created_at, updated_at)
                values (:id, :platformId, :identifier, :identifierType, :country, :name,
                    :status, :statusReason, :signedAt, cast(:metadata as jsonb), :createdAt, :createdAt)
                on conflict do nothing
                """)
            .param("id", row.id())
            .param("platformId", row.platformId())
            .param("identifier", row.identifier())
            .param("identifierType", row.identifierType())
            .param("country", row.country())
            .param("name", row.name())
            .param("status", row.status())
            .param("statusReason", row.statusReason())
            .param("signedAt", timestamp(row.signedAt()))
            .param("metadata", row.metadataJson())
            .param("createdAt", timestamp(row.createdAt()))
            .update()
        == 1;
  }

  /** Gives the borrower its virtual IBAN unless it has one; the number comes from a sequence. */
  public void assignVirtualIbanIfMissing(String id, java.util.function.LongFunction<String> iban) {
    boolean missing =
        jdbc.sql("select virtual_iban is null from borrowers where id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single();
    if (missing) {
      long sequence = jdbc.sql("select nextval('borrower_account_seq')").query(Long.class).single();
      jdbc.sql("update borrowers set virtual_iban = :iban where id = :id and virtual_iban is null")
          .param("iban", iban.apply(sequence))
          .param("id", id)
          .update();
    }
  }

  /** Writes a status change; registry data and the signature only fill in what is known. */
  public void updateStatus(
      String id,
      String status,
      String statusReason,
      Instant signedAt,
      String name,
      String legalForm,
      java.time.LocalDate companyCreatedOn,
      Instant at) {
    jdbc.sql(
            """
            update borrowers set status = :status, status_reason = :reason,
                signed_at = coalesce(:signedAt, signed_at),
                name = coalesce(name, :name),
                legal_form = coalesce(:legalForm, legal_form),
                company_created_on = coalesce(:createdOn, company_created_on),
                updated_at = greatest(updated_at, :at)
            where id = :id
            """)
        .param("status", status)
        .param("reason", statusReason)
        .param("signedAt", timestamp(signedAt))
        .param("name", name)
        .param("legalForm", legalForm)
        .param(
            "createdOn", companyCreatedOn == null ? null : java.sql.Date.valueOf(companyCreatedOn))
        .param("at", timestamp(at))
        .param("id", id)
        .update();
  }

  public boolean virtualIbanBelongsTo(String platformId, String iban) {
    return jdbc.sql(
            "select exists (select 1 from borrowers where platform_id = :p and virtual_iban = :i)")
        .param("p", platformId)
        .param("i", iban)
        .query(Boolean.class)
        .single();
  }

  /** The platform row a borrower belongs to, for the activities that only know its id. */
  public Optional<String> platformOf(String id) {
    return jdbc.sql("select platform_id from borrowers where id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  public Optional<BorrowerRow> findById(String platformId, String id) {
    return jdbc.sql("select " + COLUMNS + " from borrowers where platform_id = :p and id = :id")
        .param("p", platformId)
        .param("id", id)
        .query(BorrowerRepository::map)
        .optional();
  }

  public Optional<String> findIdByIdentifier(String platformId, String country, String identifier) {
    return jdbc.sql(
            "select id from borrowers where platform_id = :p and country = :c and identifier = :i")
        .param("p", platformId)
        .param("c", country)
        .param("i", identifier)
        .query(String.class)
        .optional();
  }

  public List<BorrowerRow> find(BorrowerQuery q) {
    Keyset page = new Keyset(q.ascending(), q.afterCreatedAt(), q.afterId(), q.limit());
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from borrowers where platform_id = :p");
    if (q.status() != null) {
      sql.append(" and status = :status");
    }
    if (q.identifier() != null) {
      sql.append(" and identifier = :identifier");
    }
    page.appendTo(sql);
    JdbcClient.StatementSpec spec = page.bind(jdbc.sql(sql.toString()).param("p", q.platformId()));
    if (q.status() != null) {
      spec = spec.param("status", q.status());
    }
    if (q.identifier() != null) {
      spec = spec.param("identifier", q.identifier());
    }
    return spec.query(BorrowerRepository::map).list();
  }

  private static BorrowerRow map(ResultSet rs, int rowNum) throws SQLException {
    return new BorrowerRow(
        rs.getString("id"),
        rs.getString("platform_id"),
        rs.getString("identifier"),
        rs.getString("identifier_type"),
        rs.getString("country"),
        rs.getString("name"),
        rs.getString("status"),
        rs.getString("status_reason"),
        instant(rs, "signed_at"),
        rs.getString("metadata"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getString("legal_form"),
        rs.getObject("company_created_on", java.time.LocalDate.class),
        rs.getString("virtual_iban"));
  }
}
