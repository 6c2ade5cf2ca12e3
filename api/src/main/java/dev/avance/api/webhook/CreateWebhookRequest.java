package dev.avance.api.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * POST /webhooks: where to send which events ({@code loan.TO_REPAY}, {@code loan.*}, {@code *}).
 */
public record CreateWebhookRequest(
    @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "an http(s) URL")
        String toUrl,
    @NotEmpty @Size(max = 50)
        List<
                @NotBlank
                @Pattern(
                    regexp = "\\*|[a-z_]+\\.(\\*|[A-Z0-9_]+)",
                    message = "an event type such as loan.TO_REPAY, a family such as loan.*, or *")
                String>
            eventTypes) {}
