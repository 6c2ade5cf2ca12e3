package dev.avance.api.codec;

import com.google.protobuf.ByteString;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.workflows.common.PayloadEncryption;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The codec server of the Temporal UI and CLI (Temporal's remote codec protocol): decodes the
 * encrypted payloads of Avance's histories for operators, and encodes. CORS for the UI's origin is
 * set in {@code WebConfig}.
 */
@RestController
@Tag(name = Tags.OPERATORS)
public class CodecController {
  private static final String ACCESS =
      "`forbidden`: neither the operator key nor the codec token, or none configured";

  private final PayloadEncryption encryption;
  private final CodecAccess access;

  public CodecController(PayloadEncryption encryption, CodecAccess access) {
    this.encryption = encryption;
    this.access = access;
  }

  @Operation(
      operationId = "codecDecode",
      summary = "Decode payloads (codec server)",
      description =
          "Temporal's remote codec: the payloads decrypted; payloads that are not encrypted come"
              + " back as they are. Operator key or codec token, e.g. `temporal workflow show"
              + " --codec-endpoint <url>/codec --codec-auth 'Bearer <key>'`.")
  @ProblemResponse(status = 403, description = ACCESS)
  @PostMapping("/codec/decode")
  public CodecPayloads decode(
      // The bearer scheme of the whole API documents it, as for every other endpoint.
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
          String authorization,
      @RequestBody CodecPayloads body) {
    access.checkHeader(authorization);
    return convert(body, encryption::decode);
  }

  @Operation(
      operationId = "codecEncode",
      summary = "Encode payloads (codec server)",
      description = "Temporal's remote codec: the payloads encrypted under the active key.")
  @ProblemResponse(status = 403, description = ACCESS)
  @PostMapping("/codec/encode")
  public CodecPayloads encode(
      // The bearer scheme of the whole API documents it, as for every other endpoint.
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
          String authorization,
      @RequestBody CodecPayloads body) {
    access.checkHeader(authorization);
    return convert(body, encryption::encode);
  }

  @Operation(
      operationId = "codecUiDecode",
      summary = "Decode payloads (the Temporal UI's codec endpoint)",
      description =
          "As `/codec/decode`, with the codec token in the path: the Temporal UI's codec endpoint"
              + " is `<url>/codec/ui/<codec token>` (it cannot send a header of its own).")
  @ProblemResponse(status = 403, description = ACCESS)
  @PostMapping("/codec/ui/{token}/decode")
  public CodecPayloads uiDecode(@PathVariable String token, @RequestBody CodecPayloads body) {
    access.check(token);
    return convert(body, encryption::decode);
  }

  @Operation(
      operationId = "codecUiEncode",
      summary = "Encode payloads (the Temporal UI's codec endpoint)",
      description = "As `/codec/encode`, with the codec token in the path.")
  @ProblemResponse(status = 403, description = ACCESS)
  @PostMapping("/codec/ui/{token}/encode")
  public CodecPayloads uiEncode(@PathVariable String token, @RequestBody CodecPayloads body) {
    access.check(token);
    return convert(body, encryption::encode);
  }

  private static CodecPayloads convert(CodecPayloads body, UnaryOperator<List<Payload>> operation) {
    List<Payload> payloads = new ArrayList<>();
    if (body != null && body.payloads() != null) {
      for (CodecPayloads.CodecPayload p : body.payloads()) {
        payloads.add(toProto(p));
      }
    }
    List<Payload> converted;
    try {
      converted = operation.apply(payloads);
    } catch (PayloadCodecException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage());
    }
    List<CodecPayloads.CodecPayload> out = new ArrayList<>(converted.size());
    for (Payload p : converted) {
      Map<String, String> metadata = new LinkedHashMap<>();
      p.getMetadataMap()
          .forEach((k, v) -> metadata.put(k, Base64.getEncoder().encodeToString(v.toByteArray())));
      out.add(
          new CodecPayloads.CodecPayload(
              metadata, Base64.getEncoder().encodeToString(p.getData().toByteArray())));
    }
    return new CodecPayloads(out);
  }

  private static Payload toProto(CodecPayloads.CodecPayload p) {
    if (p == null) {
      return Payload.getDefaultInstance();
    }
    try {
      Payload.Builder builder = Payload.newBuilder();
      if (p.metadata() != null) {
        p.metadata()
            .forEach(
                (k, v) ->
                    builder.putMetadata(
                        k, ByteString.copyFrom(Base64.getDecoder().decode(v == null ? "" : v))));
      }
      if (p.data() != null) {
        builder.setData(ByteString.copyFrom(Base64.getDecoder().decode(p.data())));
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "a payload's bytes are not base64");
    }
  }
}
