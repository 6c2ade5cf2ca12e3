package dev.avance.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadEncryptionTest {
  private static final String IBAN = "FR1420041010050500013M02606";

  record Mandate(String iban, String email, String birthDate) {}

  private static final Mandate MANDATE = new Mandate(IBAN, "cfo@acme.test", "1980-05-17");

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) fill);
    return key;
  }

  private static PayloadEncryption ring(Object... idsAndFills) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (int i = 0; i < idsAndFills.length; i += 2) {
      keys.put((String) idsAndFills[i], key((Integer) idsAndFills[i + 1]));
    }
    return new PayloadEncryption(keys);
  }

  private static String text(Payload payload) {
    return payload.toString() + new String(payload.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void aValueRoundTripsThroughTheDataConverterAndIsNotReadableOnTheWay() {
    DataConverter converter = AvanceDataConverter.create(ring("k1", 1));

    Payload payload = converter.toPayload(MANDATE).orElseThrow();

    assertThat(payload.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
    assertThat(payload.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("k1");
    assertThat(text(payload))
        .doesNotContain(IBAN)
        .doesNotContain("cfo@acme.test")
        .doesNotContain("1980-05-17")
        .doesNotContain("json/plain");
    assertThat(converter.fromPayload(payload, Mandate.class, Mandate.class)).isEqualTo(MANDATE);
  }

  @Test
  void twoEncryptionsOfOneValueDiffer() {
    PayloadEncryption codec = ring("k1", 1);
    Payload plain = AvanceDataConverter.plain().toPayload(MANDATE).orElseThrow();

    List<Payload> twice = codec.encode(List.of(plain, plain));

    assertThat(twice.get(0).getData()).isNotEqualTo(twice.get(1).getData());
    assertThat(codec.decode(twice)).containsExactly(plain, plain);
  }

  @Test
  void aPayloadWrittenBeforeEncryptionIsReadAsItIs() {
    Payload plain = AvanceDataConverter.plain().toPayload(MANDATE).orElseThrow();

    assertThat(ring("k1", 1).decode(List.of(plain))).containsExactly(plain);
    assertThat(
            AvanceDataConverter.create(ring("k1", 1))
                .fromPayload(plain, Mandate.class, Mandate.class))
        .isEqualTo(MANDATE);
  }

  @Test
  void encodingAnEncryptedPayloadAgainChangesNothing() {
    PayloadEncryption codec = ring("k1", 1);
    Payload once =
        codec.encode(List.of(AvanceDataConverter.plain().toPayload(MANDATE).orElseThrow())).get(0);

    assertThat(codec.encode(List.of(once))).containsExactly(once);
  }

  @Test
  void afterARotationTheNewKeyEncryptsAndTheOldOneStillDecrypts() {
    PayloadEncryption before = ring("2026-01", 1);
    PayloadEncryption after = ring("2026-12", 2, "2026-01", 1);
    Payload plain = AvanceDataConverter.plain().toPayload(MANDATE).orElseThrow();
    Payload old = before.encode(List.of(plain)).get(0);

    Payload fresh = after.encode(List.of(plain)).get(0);

    assertThat(after.activeKeyId()).isEqualTo("2026-12");
    assertThat(fresh.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("2026-12");
    assertThat(after.decode(List.of(old, fresh))).containsExactly(plain, plain);
    // A node that has not got the new key yet says which key it lacks.
    assertThatThrownBy(() -> before.decode(List.of(fresh)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("2026-12");
  }

  @Test
  void anAlteredPayloadFailsItsTag() {
    PayloadEncryption codec = ring("k1", 1);
    Payload sealed =
        codec.encode(List.of(AvanceDataConverter.plain().toPayload(MANDATE).orElseThrow())).get(0);
    byte[] data = sealed.getData().toByteArray();
    data[data.length - 20] ^= 1;
    Payload altered = sealed.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(altered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("altered");
  }

  @Test
  void aCiphertextCannotBePassedOffUnderAnotherKeyId() {
    // Both ids hold the same key: only the id, bound as additional data, differs.
    PayloadEncryption codec = ring("k1", 1, "k2", 1);
    Payload sealed =
        codec.encode(List.of(AvanceDataConverter.plain().toPayload(MANDATE).orElseThrow())).get(0);
    Payload relabelled =
        sealed.toBuilder().putMetadata("encryption-key-id", ByteString.copyFromUtf8("k2")).build();

    assertThatThrownBy(() -> codec.decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void aFailureMessageIsEncryptedAndRestored() {
    DataConverter converter = AvanceDataConverter.create(ring("k1", 1));

    Failure failure =
        converter.exceptionToFailure(
            ApplicationFailure.newNonRetryableFailure("cannot debit " + IBAN, "Refused"));

    assertThat(failure.toString()).doesNotContain(IBAN).contains("Refused");
    assertThat(converter.failureToException(failure)).hasMessageContaining(IBAN);
  }

  @Test
  void theSettingListsKeysTheFirstActive() {
    String k1 = Base64.getEncoder().encodeToString(key(1));
    String k2 = Base64.getEncoder().encodeToString(key(2));

    PayloadEncryption parsed = PayloadEncryption.parse(" new:" + k2 + " , old:" + k1);

    assertThat(parsed.activeKeyId()).isEqualTo("new");
    Payload sealedByOld =
        ring("old", 1)
            .encode(List.of(AvanceDataConverter.plain().toPayload(MANDATE).orElseThrow()))
            .get(0);
    assertThat(parsed.decode(List.of(sealedByOld))).hasSize(1);
    assertThatThrownBy(() -> PayloadEncryption.parse("k1:" + k1 + ",k1:" + k2))
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () -> PayloadEncryption.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayloadEncryption.parse("k1:%%%")).hasMessageContaining("base64");
    assertThatThrownBy(() -> PayloadEncryption.parse(k1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayloadEncryption.parse(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The cost, printed for the README: a loan's payloads are a few hundred bytes each. */
  @Test
  void encryptingATypicalPayloadCostsMicroseconds() {
    DataConverter plain = AvanceDataConverter.plain();
    DataConverter encrypted = AvanceDataConverter.create(ring("k1", 1));
    Object[] args = {MANDATE, MANDATE, MANDATE};
    int rounds = 20_000;
    long plainNanos = 0;
    long encryptedNanos = 0;
    for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        Optional<Payloads> p = plain.toPayloads(args);
        plain.fromPayloads(0, p, Mandate.class, Mandate.class);
      }
      long middle = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        Optional<Payloads> p = encrypted.toPayloads(args);
        encrypted.fromPayloads(0, p, Mandate.class, Mandate.class);
      }
      plainNanos = middle - start;
      encryptedNanos = System.nanoTime() - middle;
    }
    double extraMicros = (encryptedNanos - plainNanos) / 1000.0 / rounds / args.length;
    System.out.printf(
        "payload codec: %.1f µs plain, %.1f µs encrypted per payload round trip (+%.1f µs)%n",
        plainNanos / 1000.0 / rounds / args.length,
        encryptedNanos / 1000.0 / rounds / args.length,
        extraMicros);
    // A generous bound: a loan's workflow task takes milliseconds; this must stay far below.
    assertThat(extraMicros).isLessThan(500);
  }
}
