package dev.avance.api.borrower;

import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;

/** POST /borrowers: onboard a company by its registration number. */
public record CreateBorrowerRequest(
    @Schema(
            description =
                "The company registration number: SIREN (France), NIF/CIF (Spain), register number"
                    + " or VAT id (Germany), KvK (Netherlands), enterprise number (Belgium).",
            example = "552100554")
        @NotBlank
        @Size(max = 32)
        @Pattern(
            regexp = "[A-Za-z0-9 .-]*",
            message = "letters, digits, spaces, dots and dashes only")
        String identifier,
    @Schema(description = "The identifier's kind; by default the country's usual one.")
        IdentifierType identifierType,
    @Schema(description = "The company's country; default FRA.") Country country,
    @Schema(description = "The company's name; else the registry's.", example = "Acme SAS")
        @Size(max = 200)
        String name,
    @Schema(description = "When the T&Cs were accepted, if already: signs at once.")
        OffsetDateTime signedAt,
    @Schema(description = "Answer once eligibility (and the credit line, if signed) is settled.")
        Boolean waitForReady,
    @Schema(description = "Your own key-value data, returned as sent (at most 50 keys).")
        @Size(max = 50, message = "at most 50 keys")
        Map<String, Object> metadata) {}
