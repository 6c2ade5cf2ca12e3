package dev.avance.workflows.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.util.List;

/**
 * The data converter of every client, worker and test: Temporal's, tolerant of new fields, with
 * every payload encrypted by {@link PayloadEncryption}.
 */
public final class AvanceDataConverter {
  private AvanceDataConverter() {}

  /** What Avance writes to Temporal: JSON, then encrypted; failures' messages encrypted too. */
  public static DataConverter create(PayloadEncryption encryption) {
    // encodeFailureAttributes: an exception's message and stack trace move into an encrypted
    // payload, so that an IBAN quoted in an error is no more readable than in an input.
    return new CodecDataConverter(plain(), List.of(encryption), true);
  }

  /** The JSON payloads alone, the codec's plaintext. */
  public static DataConverter plain() {
    // A field removed from a record must not break the replay of loans recorded before.
    ObjectMapper mapper =
        JacksonJsonPayloadConverter.newDefaultObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return DefaultDataConverter.newDefaultInstance()
        .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
  }
}
