package dev.avance.api.billing;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.Csv;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.PayerType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monthly interest bills: the platform's own and its borrowers'. */
@RestController
@Tag(name = Tags.BILLING)
public class BillController {
  private final BillService bills;

  public BillController(BillService bills) {
    this.bills = bills;
  }

  @Operation(
      operationId = "listBills",
      summary = "List bills",
      description =
          "The platform's own bills and its borrowers' bills, filtered by period (YYYY-MM), payer and status.")
  @ApiResponse(
      responseCode = "200",
      description = "A page of bills, or with `Accept: text/csv` the page as CSV rows",
      content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = BillPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"))
      })
  @GetMapping("/bills")
  public ResponseEntity<?> list(
      Platform platform,
      @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
          List<String> accept,
      @RequestParam(required = false) String period,
      @RequestParam(name = "payer_type", required = false) PayerType payerType,
      @RequestParam(name = "payer_id", required = false) String payerId,
      @RequestParam(name = "status", required = false) List<BillStatus> statuses,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    PageResponse<BillResponse> page =
        bills.list(
            platform,
            period == null ? null : Periods.parse("period", period),
            payerType,
            payerId,
            statuses,
            PageRequest.parse(cursor, pageSize, sortBy));
    if (Csv.wanted(accept)) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.parseMediaType(Csv.MEDIA_TYPE + ";charset=UTF-8"));
      if (page.nextPage() != null) {
        // The CSV has no room for the cursor: the next page's is a header.
        headers.set("X-Next-Page", page.nextPage());
      }
      return new ResponseEntity<>(BillService.csv(page.data()), headers, HttpStatus.OK);
    }
    return ResponseEntity.ok(page);
  }

  /** The JSON shape of a page of bills, for the description only. */
  record BillPage(List<BillResponse> data, String nextPage) {}

  @Operation(operationId = "getBill", summary = "Get a bill with its lines")
  @ApiResponse(
      responseCode = "200",
      description = "The bill, or with `Accept: text/csv` its lines as CSV rows",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = BillResponse.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"))
      })
  @GetMapping("/bill/{id}")
  public ResponseEntity<?> get(
      Platform platform,
      @PathVariable String id,
      @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
          List<String> accept) {
    BillResponse bill = bills.get(platform, id);
    if (Csv.wanted(accept)) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE + ";charset=UTF-8"))
          .body(BillService.linesCsv(bill));
    }
    return ResponseEntity.ok(bill);
  }

  @Operation(
      operationId = "getBillDocument",
      summary = "Get a bill as a PDF",
      description =
          "Its lines, total, due date and payment instructions, rendered from the bill as it is"
              + " now.")
  @ApiResponse(
      responseCode = "200",
      description = "The bill's PDF",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PDF_VALUE,
              schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/bill/{id}/document")
  public ResponseEntity<byte[]> document(Platform platform, @PathVariable String id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("bill-" + id + ".pdf").build().toString())
        .body(bills.pdf(platform, id));
  }
}
