package dev.avance.api.codec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Temporal's remote codec body: payloads in protobuf's JSON form, bytes in base64. */
@Schema(description = "Payloads as Temporal's remote codec protocol carries them.")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodecPayloads(List<CodecPayload> payloads) {

  /** One payload: metadata values and data in base64. */
  @Schema(name = "CodecPayload")
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CodecPayload(
      @Schema(
              description = "Metadata, each value in base64 (`encoding`, `encryption-key-id`).",
              example = "{\"encoding\":\"YmluYXJ5L2VuY3J5cHRlZA==\"}")
          Map<String, String> metadata,
      @Schema(description = "The data, in base64.") String data) {}
}
