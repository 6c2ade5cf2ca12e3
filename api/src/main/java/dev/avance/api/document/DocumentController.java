package dev.avance.api.document;

import dev.avance.activities.document.DocumentRepository;
import dev.avance.activities.document.DocumentRow;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A loan's documents: its contract, stored once when the loan was validated. */
@RestController
@Tag(name = Tags.LOANS)
public class DocumentController {
  private final DocumentRepository documents;
  private final LoanRepository loans;

  public DocumentController(DocumentRepository documents, LoanRepository loans) {
    this.documents = documents;
    this.loans = loans;
  }

  @Operation(
      operationId = "listLoanDocuments",
      summary = "List a loan's documents",
      description =
          "The contract appears once the loan is `VALIDATED` (webhook `loan.CONTRACT_AVAILABLE`),"
              + " with its SHA-256 and the status of the mail that sent it to the borrower.")
  @GetMapping("/loan/{id}/documents")
  public PageResponse<DocumentResponse> list(Platform platform, @PathVariable String id) {
    loan(platform, id);
    return new PageResponse<>(
        documents.forLoan(platform.id(), id).stream().map(DocumentResponse::of).toList(), null);
  }

  @Operation(
      operationId = "getLoanDocument",
      summary = "Get a loan's document",
      description = "The stored bytes, the same on every request.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The document",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_PDF_VALUE,
                      schema = @Schema(type = "string", format = "binary"))))
  @GetMapping("/loan/{id}/documents/{document_id}")
  public ResponseEntity<byte[]> get(
      Platform platform, @PathVariable String id, @PathVariable("document_id") String documentId) {
    loan(platform, id);
    DocumentRow row =
        documents
            .find(documentId)
            .filter(d -> d.platformId().equals(platform.id()) && d.loanId().equals(id))
            .orElseThrow(() -> ApiException.notFound("Document " + documentId));
    byte[] content =
        documents
            .content(platform.id(), id, documentId)
            .orElseThrow(() -> ApiException.notFound("Document " + documentId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(row.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(row.fileName()).build().toString())
        .eTag("\"" + row.sha256() + "\"")
        .body(content);
  }

  private void loan(Platform platform, String id) {
    if (loans.findById(platform.id(), id).isEmpty()) {
      throw ApiException.notFound("Loan " + id);
    }
  }
}
