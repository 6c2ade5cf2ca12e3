package dev.avance.worker.embedded;

import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the embedded mode's mail sink received, for operators: the way to read the mails Avance sent
 * without a mailbox. Outside the embedded mode there is no sink and these answer 404.
 */
@RestController
@Tag(name = Tags.OPERATORS)
public class MailSinkController {
  private static final String OPERATOR_KEY_ONLY =
      "`forbidden`: a platform's key; `operator_access_disabled`: no operator key is configured";

  private final ObjectProvider<MailSink> sink;

  public MailSinkController(ObjectProvider<MailSink> sink) {
    this.sink = sink;
  }

  /** One received mail; {@code index} is its place in the list, from 0. */
  public record MailResponse(
      int index,
      List<String> to,
      String from,
      String subject,
      Instant sentAt,
      String text,
      @Schema(description = "File names of the attachments, in order.") List<String> attachments) {}

  @Operation(
      operationId = "listSentMail",
      summary = "List the mail Avance sent (embedded mode)",
      description =
          "The embedded mode's in-process SMTP sink, oldest first; emptied when the app stops."
              + " Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/mail")
  public PageResponse<MailResponse> list(Operator operator) {
    List<MimeMessage> messages = messages();
    List<MailResponse> out = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      out.add(response(i, messages.get(i)));
    }
    return new PageResponse<>(out, null);
  }

  @Operation(
      operationId = "getSentMailAttachment",
      summary = "Get an attachment of a sent mail (embedded mode)",
      description = "Operator key only.")
  @ApiResponse(
      responseCode = "200",
      description = "The attachment's bytes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
              schema = @Schema(type = "string", format = "binary")))
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/mail/{index}/attachment/{number}")
  public ResponseEntity<byte[]> attachment(
      Operator operator,
      @PathVariable("index") String indexText,
      @PathVariable("number") String numberText) {
    // Parsed here so that any path is a 404, not a 400 for a number out of range.
    int index = parse(indexText);
    int number = parse(numberText);
    List<MimeMessage> messages = messages();
    if (index < 0 || index >= messages.size()) {
      throw ApiException.notFound("Mail " + index);
    }
    try {
      List<Part> parts = attachments(messages.get(index));
      if (number < 0 || number >= parts.size()) {
        throw ApiException.notFound("Attachment " + number + " of mail " + index);
      }
      Part part = parts.get(number);
      byte[] bytes;
      try (InputStream in = part.getInputStream()) {
        bytes = in.readAllBytes();
      }
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(part.getContentType().split(";")[0].trim()))
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.inline().filename(part.getFileName()).build().toString())
          .body(bytes);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable mail " + index, e);
    }
  }

  private static int parse(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private List<MimeMessage> messages() {
    MailSink mail = sink.getIfAvailable();
    if (mail == null) {
      throw ApiException.notFound("Mail sink (embedded mode only)");
    }
    return mail.messages();
  }

  private static MailResponse response(int index, MimeMessage m) {
    try {
      Address[] to = m.getAllRecipients();
      List<String> names = new ArrayList<>();
      for (Part p : attachments(m)) {
        names.add(p.getFileName());
      }
      return new MailResponse(
          index,
          to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
          m.getFrom() == null ? null : m.getFrom()[0].toString(),
          m.getSubject(),
          m.getSentDate() == null ? null : m.getSentDate().toInstant(),
          text(m),
          names);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable mail " + index, e);
    }
  }

  private static List<Part> attachments(Part part) throws MessagingException, IOException {
    List<Part> found = new ArrayList<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
          found.add(child);
        } else {
          found.addAll(attachments(child));
        }
      }
    }
    return found;
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
