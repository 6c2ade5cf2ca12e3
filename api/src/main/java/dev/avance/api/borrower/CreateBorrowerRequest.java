package dev.avance.api.borrower;

import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;

/** POST /borrowers: onboard a company by its registration number. */
public record CreateBorrowerRequest(
    @NotBlank
        @Size(max = 32)
        @Pattern(
            regexp = "[A-Za-z0-9 .-]*",
            message = "letters, digits, spaces, dots and dashes only")
        String identifier,
    IdentifierType identifierType,
    Country country,
    @Size(max = 200) String name,
    OffsetDateTime signedAt,
    Boolean waitForReady,
    @Size(max = 50, message = "at most 50 keys") Map<String, Object> metadata) {}
