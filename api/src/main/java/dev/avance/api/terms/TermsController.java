package dev.avance.api.terms;

import dev.avance.activities.platform.Platform;
import dev.avance.activities.terms.TermsCatalogue;
import dev.avance.api.error.ApiException;
import dev.avance.api.openapi.Tags;
import dev.avance.workflows.borrower.Country;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The T&Cs a borrower accepts: per country, version and language. */
@RestController
@Tag(name = Tags.BORROWERS)
public class TermsController {
  private final TermsCatalogue catalogue;

  public TermsController(TermsCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** One version of a country's T&Cs in one language. */
  public record TermsResponse(
      @Schema(implementation = Country.class) String country,
      @Schema(example = "fr") String language,
      @Schema(description = "The current version; signing records it.", example = "2026-01")
          String version,
      @Schema(description = "SHA-256 of the PDF at `url`, in hex.") String sha256,
      @Schema(example = "/terms/FRA/2026-01/fr/document") String url,
      @Schema(description = "The languages this country's T&Cs exist in, its own first.")
          List<String> languages) {}

  @Operation(
      operationId = "getTerms",
      summary = "Get the current T&Cs of a country",
      description =
          "`country` FRA, ESP, DEU, NLD or BEL; `language` its own (the default) or `en` (BEL:"
              + " `fr`, `nl`, `en`). A borrower whose last signature is of an older version is"
              + " declined with `TERMS_NOT_ACCEPTED` until it signs again.")
  @GetMapping("/terms")
  public TermsResponse get(
      Platform platform,
      @RequestParam String country,
      @RequestParam(required = false) String language) {
    String lang = language == null ? catalogue.defaultLanguage(country) : language;
    if (catalogue.languages(country).isEmpty()) {
      throw ApiException.invalidField(
          "country", "invalid_value", "must be FRA, ESP, DEU, NLD or BEL");
    }
    TermsCatalogue.Terms terms =
        catalogue
            .find(country, catalogue.current(), lang)
            .orElseThrow(
                () ->
                    ApiException.invalidField(
                        "language",
                        "invalid_value",
                        "the T&Cs of " + country + " are in " + catalogue.languages(country)));
    return new TermsResponse(
        country,
        lang,
        terms.version(),
        terms.sha256(),
        "/terms/" + country + "/" + terms.version() + "/" + lang + "/document",
        catalogue.languages(country));
  }

  @Operation(operationId = "getTermsDocument", summary = "Get a version of the T&Cs as a PDF")
  @ApiResponse(
      responseCode = "200",
      description = "The T&Cs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PDF_VALUE,
              schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/terms/{country}/{version}/{language}/document")
  public ResponseEntity<byte[]> document(
      Platform platform,
      @PathVariable String country,
      @PathVariable String version,
      @PathVariable String language) {
    TermsCatalogue.Terms terms =
        catalogue
            .find(country, version, language)
            .orElseThrow(
                () -> ApiException.notFound("T&Cs " + country + " " + version + " " + language));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename("terms-" + country + "-" + version + "-" + language + ".pdf")
                .build()
                .toString())
        .eTag("\"" + terms.sha256() + "\"")
        .body(catalogue.pdf(country, version, language));
  }
}
