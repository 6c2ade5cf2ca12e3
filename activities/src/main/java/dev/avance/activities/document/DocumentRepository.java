package dev.avance.activities.document;

import dev.avance.workflows.document.DeliveryStatus;
import dev.avance.workflows.document.DocumentKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents, stored once per loan and kind, bytes and all. */
@Repository
public class DocumentRepository {
  private static final String COLUMNS =
      "id, platform_id, borrower_id, loan_id, kind, content_type, file_name, sha256,"
          + " octet_length(content) as size, created_at, delivery_status, delivered_at";

  private final JdbcClient jdbc;

  public DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The id of a loan's document of a kind: the same on every attempt that issues it. */
  public static String idOf(String loanId, DocumentKind kind) {
    byte[] hash = PdfWriter.sha256(loanId + ":" + kind.name());
    return "doc_" + HexFormat.of().formatHex(hash, 0, 12);
  }

  /** Stores the document unless its loan has one of its kind; true if stored now. */
  public boolean insertIfAbsent(
      String platformId,
      String borrowerId,
      String loanId,
      DocumentKind kind,
      String contentType,
      String fileName,
      byte[] content,
      Instant at) {
    return jdbc.sql(
                """
                insert into documents (id, platform_id, borrower_id, loan_id, kind, content_type,
                    file_name, content, sha256, created_at, delivery_status)
                values (:id, :p, :b, :loan, :kind, :type, :name, :content, :sha, :at, :status)
                on conflict (loan_id, kind) do nothing
                """)
            .param("id", idOf(loanId, kind))
            .param("p", platformId)
            .param("b", borrowerId)
            .param("loan", loanId)
            .param("kind", kind.name())
            .param("type", contentType)
            .param("name", fileName)
            .param("content", content)
            .param("sha", HexFormat.of().formatHex(PdfWriter.sha256(content)))
            .param("at", Timestamp.from(at))
            .param("status", DeliveryStatus.PENDING.name())
            .update()
        == 1;
  }

  public Optional<DocumentRow> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from documents where id = :id")
        .param("id", id)
        .query(DocumentRepository::row)
        .optional();
  }

  public List<DocumentRow> forLoan(String platformId, String loanId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from documents where platform_id = :p and loan_id = :loan order by created_at,"
                + " id")
        .param("p", platformId)
        .param("loan", loanId)
        .query(DocumentRepository::row)
        .list();
  }

  /** The bytes of a loan's document, only for the platform that owns it. */
  public Optional<byte[]> content(String platformId, String loanId, String id) {
    return jdbc.sql(
            "select content from documents where platform_id = :p and loan_id = :loan and id = :id")
        .param("p", platformId)
        .param("loan", loanId)
        .param("id", id)
        .query((rs, n) -> rs.getBytes("content"))
        .optional();
  }

  public byte[] content(String id) {
    return jdbc.sql("select content from documents where id = :id")
        .param("id", id)
        .query((rs, n) -> rs.getBytes("content"))
        .single();
  }

  /** Records the mail's outcome and when it was known; a document already SENT stays so. */
  public void markDelivery(String id, DeliveryStatus status, Instant at) {
    jdbc.sql(
            """
            update documents set delivery_status = :status, delivered_at = :at
            where id = :id and delivery_status <> 'SENT'
            """)
        .param("id", id)
        .param("status", status.name())
        .param("at", Timestamp.from(at))
        .update();
  }

  private static DocumentRow row(ResultSet rs, int n) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    return new DocumentRow(
        rs.getString("id"),
        rs.getString("platform_id"),
        rs.getString("borrower_id"),
        rs.getString("loan_id"),
        DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("content_type"),
        rs.getString("file_name"),
        rs.getString("sha256"),
        rs.getLong("size"),
        rs.getTimestamp("created_at").toInstant(),
        DeliveryStatus.valueOf(rs.getString("delivery_status")),
        delivered == null ? null : delivered.toInstant());
  }
}
