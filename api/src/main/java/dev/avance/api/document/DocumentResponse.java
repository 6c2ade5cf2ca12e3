package dev.avance.api.document;

import dev.avance.activities.document.DocumentRow;
import dev.avance.workflows.document.DeliveryStatus;
import dev.avance.workflows.document.DocumentKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A loan's document, without its bytes: {@code url} returns them. */
public record DocumentResponse(
    String id,
    String loanId,
    @Schema(description = "What the document is.") DocumentKind kind,
    @Schema(example = "application/pdf") String contentType,
    String fileName,
    @Schema(description = "SHA-256 of the bytes `url` returns, in hex.") String sha256,
    @Schema(description = "Size in bytes.") long size,
    Instant createdAt,
    @Schema(description = "Where the mail that carries the document to the borrower stands.")
        DeliveryStatus deliveryStatus,
    @Schema(description = "When the delivery status was last recorded.") Instant deliveredAt,
    @Schema(example = "/loan/0b6f.../documents/doc_3f2a...") String url) {

  static DocumentResponse of(DocumentRow d) {
    return new DocumentResponse(
        d.id(),
        d.loanId(),
        d.kind(),
        d.contentType(),
        d.fileName(),
        d.sha256(),
        d.size(),
        d.createdAt(),
        d.deliveryStatus(),
        d.deliveredAt(),
        "/loan/" + d.loanId() + "/documents/" + d.id());
  }
}
