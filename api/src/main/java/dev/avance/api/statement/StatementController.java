package dev.avance.api.statement;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.Csv;
import dev.avance.api.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = Tags.BORROWERS)
public class StatementController {
  private final StatementService statements;

  public StatementController(StatementService statements) {
    this.statements = statements;
  }

  @Operation(
      operationId = "getBorrowerStatement",
      summary = "Get a borrower's statement",
      description =
          "The borrower's loans, what moved on them (payouts, repayments, interest billed and"
              + " paid) and the opening and closing balances of [`from`, `to`] (Paris days, both"
              + " included; default the first of this month to today; at most 366 days), summed"
              + " from the books. With `Accept: text/csv`, its rows as CSV.")
  @ApiResponse(
      responseCode = "200",
      description = "The statement",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = StatementResponse.class)),
        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"))
      })
  @GetMapping("/borrower/{id}/statement")
  public ResponseEntity<?> statement(
      Platform platform,
      @PathVariable String id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
          List<String> accept) {
    StatementResponse statement = statements.statement(platform, id, from, to);
    if (Csv.wanted(accept)) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE + ";charset=UTF-8"))
          .body(StatementService.csv(statement));
    }
    return ResponseEntity.ok(statement);
  }
}
