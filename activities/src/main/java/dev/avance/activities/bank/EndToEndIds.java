package dev.avance.activities.bank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ids the bank deduplicates by, derived from business ids alone so that every retry, resend and
 * restart produces the same ones. ISO 20022 allows 35 characters and SEPA a restricted alphabet,
 * and business ids are longer ({@code <loan uuid>:payout}), so they are hashed: 30 hex digits of
 * SHA-256 (120 bits, no collision in practice) behind a two-letter prefix. The database keeps the
 * mapping (payments.end_to_end_id, unique), which is what operators search by.
 */
public final class EndToEndIds {
  private EndToEndIds() {}

  /** The EndToEndId of a payment (its business id, e.g. {@code <loan>:payout}). */
  public static String of(String paymentId) {
    return "AV" + hash("e2e|" + paymentId);
  }

  /** The message id (GrpHdr/MsgId) of the file that carries a payment. */
  public static String messageOf(String paymentId) {
    return "AM" + hash("msg|" + paymentId);
  }

  /** The assignment id of the request to withdraw a payment (camt.055), and of its case. */
  public static String cancellationOf(String paymentId) {
    return "AC" + hash("cxl|" + paymentId);
  }

  private static String hash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest).substring(0, 30);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
