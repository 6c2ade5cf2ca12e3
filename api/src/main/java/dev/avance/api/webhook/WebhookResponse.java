package dev.avance.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A webhook subscription; {@code secret} is present only in the creation response. */
public record WebhookResponse(
    String id,
    String toUrl,
    List<String> eventTypes,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
    String signatureHeader,
    Instant createdAt) {}
