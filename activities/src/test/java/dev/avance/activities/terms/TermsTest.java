package dev.avance.activities.terms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.platform.Environment;
import dev.avance.workflows.loan.AssessLoan;
import dev.avance.workflows.loan.LoanActivities;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** T&Cs versions: their PDFs in every language, and a newer version asking for a signature. */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.flyway.locations=classpath:db/migration",
      "avance.terms.versions=2026-01,2026-07"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TermsTest extends RealPostgresTest {
  private static final String PLATFORM = "plat-terms";
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

  @Autowired private TermsCatalogue catalogue;
  @Autowired private TermsRepository terms;
  @Autowired private LoanActivities loans;
  @Autowired private JdbcClient jdbc;

  @BeforeEach
  void cleanSlate() {
    jdbc.sql("truncate table terms_acceptances, loans, borrowers, platforms cascade").update();
    TestRows rows = new TestRows(jdbc);
    rows.platform(PLATFORM, Environment.SANDBOX);
    for (String b : new String[] {"b-new", "b-old", "b-legacy", "b-unsigned"}) {
      rows.borrower(b, PLATFORM, "READY", null, T0);
    }
    jdbc.sql("update borrowers set signed_at = :t where id <> 'b-unsigned'")
        .param("t", Timestamp.from(T0))
        .update();
  }

  @Test
  void eachCountrysTermsAreInItsLanguageAndInEnglish() throws IOException {
    assertThat(catalogue.current()).isEqualTo("2026-07");
    assertThat(text(catalogue.pdf("FRA", "2026-07", "fr")))
        .contains("Conditions générales", "intérêts", "2026-07");
    assertThat(text(catalogue.pdf("ESP", "2026-07", "es"))).contains("financiación", "España");
    assertThat(text(catalogue.pdf("DEU", "2026-07", "de")))
        .contains("Geschäftsbedingungen", "Überweisung");
    assertThat(text(catalogue.pdf("NLD", "2026-07", "nl"))).contains("voorwaarden", "kredietlijn");
    assertThat(text(catalogue.pdf("BEL", "2026-07", "nl"))).contains("België");
    assertThat(text(catalogue.pdf("BEL", "2026-01", "en"))).contains("General terms", "2026-01");
    assertThat(catalogue.find("DEU", "2026-07", "fr")).isEmpty();
    assertThat(catalogue.find("FRA", "2025-01", "fr")).isEmpty();
    assertThat(catalogue.find("FRA", "2026-07", "fr").orElseThrow().sha256())
        .hasSize(64)
        .isNotEqualTo(catalogue.find("FRA", "2026-01", "fr").orElseThrow().sha256());
    assertThat(dev.avance.activities.document.TermsRenderer.render("FRA", "2026-07", "fr"))
        .isEqualTo(catalogue.pdf("FRA", "2026-07", "fr"));
  }

  @Test
  void onlyTheCurrentVersionLetsABorrowerBorrow() {
    terms.accept(PLATFORM, "b-new", "2026-01", "fr", T0, T0);
    terms.accept(PLATFORM, "b-new", "2026-07", "en", T0, T0);
    terms.accept(PLATFORM, "b-old", "2026-07", "fr", T0, T0);
    terms.accept(PLATFORM, "b-old", "2026-01", "fr", T0, T0);

    assertThat(outdated("b-new")).isFalse();
    assertThat(outdated("b-old")).isTrue();
    // Signed before versions were recorded: the first version, now outdated.
    assertThat(outdated("b-legacy")).isTrue();
    // Not signed at all: BORROWER_TO_SIGN says it, not this.
    assertThat(outdated("b-unsigned")).isFalse();
    assertThat(terms.latest("b-new").orElseThrow().language()).isEqualTo("en");
  }

  private boolean outdated(String borrower) {
    return loans
        .assess(new AssessLoan("loan-" + borrower, PLATFORM, borrower, "F-1"))
        .termsOutdated();
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
