package dev.avance.api.bank;

import dev.avance.activities.bank.BankMessageRepository.Direction;
import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.bank.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank boundary for operators: the ISO 20022 files Avance sent (pain.001, pain.008, camt.055)
 * and received (pain.002, camt.054, camt.053, camt.029), and the upload of a file from the live
 * bank, applied exactly as one from the drop folder.
 */
@RestController
@Tag(name = Tags.OPERATORS)
public class BankMessageController {
  private static final String OPERATOR_KEY_ONLY =
      "`forbidden`: a platform's key; `operator_access_disabled`: no operator key is configured";

  /** The largest file taken; a bank's daily file is far below. */
  static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

  private final BankMessageService messages;

  public BankMessageController(BankMessageService messages) {
    this.messages = messages;
  }

  @Operation(
      operationId = "listBankMessages",
      summary = "List the files exchanged with the bank",
      description =
          "Newest first by default (`sort_by` `created_at:asc` for oldest first); filter on"
              + " `direction` and `channel`. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/bank/messages")
  public PageResponse<BankMessageResponse> listBankMessages(
      @RequestParam(required = false) Direction direction,
      @RequestParam(required = false) Channel channel,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return messages.list(direction, channel, PageRequest.parse(cursor, pageSize, sortBy));
  }

  @Operation(
      operationId = "getBankMessage",
      summary = "Get a bank file",
      description = "The file itself, as sent or received. Operator key only.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The ISO 20022 XML",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_XML_VALUE,
                      schema = @Schema(type = "string"))))
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(status = 404, description = "`not_found`: no such file")
  @GetMapping(path = "/ops/bank/message/{id}", produces = MediaType.APPLICATION_XML_VALUE)
  public ResponseEntity<byte[]> getBankMessage(@PathVariable String id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .body(messages.xml(BankMessageService.id(id)));
  }

  @Operation(
      operationId = "listBankMessageEntries",
      summary = "List a received file's entries",
      description =
          "Each payment status or booking of the file, with what Avance made of it. Operator key"
              + " only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(status = 404, description = "`not_found`: no such file")
  @GetMapping("/ops/bank/message/{id}/entries")
  public List<BankEntryResponse> listBankMessageEntries(@PathVariable String id) {
    return messages.entries(BankMessageService.id(id));
  }

  @Operation(
      operationId = "receiveBankMessage",
      summary = "Upload a file from the bank",
      description =
          "A pain.002, camt.054, camt.053 or camt.029 from the live bank. Validated against its"
              + " XSD before anything is applied; applied once by its message id (the same file"
              + " again answers 200 with `duplicate` true and changes nothing), each entry once by"
              + " its business key. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(
      status = 400,
      description =
          "`invalid_bank_message`: not well-formed, not a supported message, or not valid"
              + " against its XSD (the detail names the schema error); nothing applied")
  @ProblemResponse(status = 413, description = "`payload_too_large`: over 10 MiB")
  @ProblemResponse(
      status = 415,
      description = "`unsupported_media_type`: not application/xml or text/xml")
  @PostMapping(
      path = "/ops/bank/messages",
      consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  public ResponseEntity<ReceivedBankMessageResponse> receiveBankMessage(
      Operator operator, HttpServletRequest request) {
    ReceivedBankMessageResponse received = messages.receive(operator, body(request));
    return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(received);
  }

  private static byte[] body(HttpServletRequest request) {
    if (request.getContentLengthLong() > MAX_FILE_BYTES) {
      throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A bank file is at most 10 MiB");
    }
    try (InputStream in = request.getInputStream()) {
      byte[] xml = in.readNBytes(MAX_FILE_BYTES + 1);
      if (xml.length > MAX_FILE_BYTES) {
        throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A bank file is at most 10 MiB");
      }
      return xml;
    } catch (IOException e) {
      throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The body could not be read");
    }
  }
}
