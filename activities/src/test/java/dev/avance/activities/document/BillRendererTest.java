package dev.avance.activities.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bill's PDF read back as text; the same bill renders the same bytes. */
class BillRendererTest {
  private static final BillRenderer.Bill BILL =
      new BillRenderer.Bill(
          "bill-2026-11-0f3c",
          "2026-11",
          "BORROWER",
          "Construcciones Ñandú y Peña S.L.",
          "b-42",
          LocalDate.of(2026, 12, 1),
          LocalDate.of(2026, 12, 4),
          "TO_PAY",
          123_481,
          List.of(
              new BillRenderer.Line(
                  "INTEREST",
                  "5a0fea52-c160-4a51-bd3a-b25d7e571f0f",
                  LocalDate.of(2026, 11, 2),
                  LocalDate.of(2026, 11, 30),
                  29,
                  8_500_000,
                  123_250),
              new BillRenderer.Line(
                  "PENALTY",
                  "5a0fea52-c160-4a51-bd3a-b25d7e571f0f",
                  LocalDate.of(2026, 11, 28),
                  LocalDate.of(2026, 11, 30),
                  3,
                  8_500_000,
                  231)),
          "ES7921000813610123456789",
          "AVNCFRPPXXX",
          "RF47BILL20261100F3C",
          true,
          LocalDate.of(2026, 12, 4),
          "ESP",
          Instant.parse("2026-12-01T05:00:00Z"));

  @Test
  void aBillShowsItsLinesTotalDueDateAndPaymentInstructions() throws Exception {
    byte[] pdf = BillRenderer.render(BILL);

    String text = DocumentActivitiesTest.text(pdf);
    assertThat(text)
        .contains("Construcciones Ñandú y Peña S.L.")
        .contains("5a0fea52-c160-4a51-bd3a-b25d7e571f0f")
        // Spanish, from cents exactly (CLDR groups four digits or not, as the JDK's data says)
        .containsPattern("1\\.?234,81\u00a0€")
        .containsPattern("1\\.?232,50\u00a0€")
        .contains("2,31\u00a0€")
        .contains("85.000,00\u00a0€")
        .contains("2026-12-04")
        .contains("ES7921000813610123456789")
        .contains("RF47BILL20261100F3C");
    assertThat(BillRenderer.render(BILL)).isEqualTo(pdf);
    Path out = Path.of("target/documents");
    Files.createDirectories(out);
    Files.write(out.resolve("bill-sample.pdf"), pdf);
  }
}
