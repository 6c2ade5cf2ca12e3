package dev.avance.api.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * POST /webhooks: where to send which events ({@code loan.TO_REPAY}, {@code loan.*}, {@code *}).
 */
public record CreateWebhookRequest(
    @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "an http(s) URL")
        @Schema(
            description =
                "Where to POST the events: `https` (a sandbox may use `http`), to a DNS name or a"
                    + " public address in canonical notation; loopback, private, link-local,"
                    + " shared, multicast and unique-local addresses are refused"
                    + " (`address_not_allowed`), here and at every delivery")
        String toUrl,
    @NotEmpty @Size(max = 50)
        List<
                @NotBlank
                @Pattern(
                    regexp = "\\*|[a-z_]+\\.(\\*|[A-Z0-9_]+)",
                    message = "an event type such as loan.TO_REPAY, a family such as loan.*, or *")
                String>
            eventTypes) {}
