package dev.avance.workflows.loan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.avance.workflows.common.AvanceDataConverter;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.EncodingKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The loan's state as payloads recorded before its denial reason was an enum carry it. */
class LoanStatePayloadTest {
  private final DataConverter converter = AvanceDataConverter.plain();

  @Test
  void aDenialReasonRecordedAsAStringReadsBackAsTheEnum() {
    // The query result of a declined loan as v5 recorded it, the reason a plain string.
    String recorded =
        """
        {"loanId":"l-1","platformId":"p","borrowerId":"b","status":"DECLINED",
         "denialReason":"BORROWER_TO_SIGN","amountCents":50000,"outstandingPrincipalCents":0,
         "toPayAt":"2026-11-27","toRepayAt":"2026-12-27","paidAt":null,"late":false,
         "postponed":false,"debitInstructed":false,"repaymentMethod":"SCT",
         "remittanceReference":"RF18L1"}
        """;
    Payload payload =
        Payload.newBuilder()
            .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFrom(recorded, StandardCharsets.UTF_8))
            .build();

    LoanState state = converter.fromPayload(payload, LoanState.class, LoanState.class);

    assertThat(state.denialReason()).isEqualTo(DenialReason.BORROWER_TO_SIGN);
    // And written as the same string: platforms' and old readers' payloads do not change.
    assertThat(converter.toPayload(state).orElseThrow().getData().toString(StandardCharsets.UTF_8))
        .contains("\"denialReason\":\"BORROWER_TO_SIGN\"");
  }
}
