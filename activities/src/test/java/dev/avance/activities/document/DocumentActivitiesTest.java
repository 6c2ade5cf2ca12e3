package dev.avance.activities.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.TestRows;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.platform.Environment;
import dev.avance.workflows.document.DeliveryStatus;
import dev.avance.workflows.document.DocumentActivities;
import dev.avance.workflows.document.DocumentIssued;
import dev.avance.workflows.document.IssueContract;
import dev.avance.workflows.document.MailDocument;
import dev.avance.workflows.loan.BankAccount;
import dev.avance.workflows.loan.Invoice;
import dev.avance.workflows.loan.LoanActivities;
import dev.avance.workflows.loan.LoanPolicy;
import dev.avance.workflows.loan.RegisterLoan;
import dev.avance.workflows.loan.RequestLoan;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Contracts stored once, read back as text, and mailed through a real SMTP server. */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DocumentActivitiesTest extends RealPostgresTest {
  private static final String PLATFORM = "plat-docs";
  private static final String BORROWER = "b-docs";
  private static final String LOAN = "loan-docs";
  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
  private static final LocalDate PAY = LocalDate.of(2026, 11, 27);
  private static final LocalDate DUE = LocalDate.of(2026, 12, 27);
  private static final String NAME = "Société Façade Ñúñez Müller Ĳsselmeer Groß";
  private static final String DEBIT_IBAN = "FR7630006000011234567890189";
  private static final String EMAIL = "compta@facade.example";

  private static GreenMail smtp;

  @Autowired private DocumentActivities documents;
  @Autowired private DocumentRepository repository;
  @Autowired private LoanActivities loans;
  @Autowired private DomainEventRepository events;
  @Autowired private JdbcClient jdbc;

  @BeforeAll
  static void startSmtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @BeforeEach
  void cleanSlate() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    jdbc.sql(
            "truncate table documents, ledger_lines, ledger_entries, ledger_accounts,"
                + " domain_events, repayment_methods, loans, borrowers, platforms cascade")
        .update();
    TestRows rows = new TestRows(jdbc);
    rows.platform(PLATFORM, Environment.SANDBOX);
    rows.borrower(BORROWER, PLATFORM, "READY", "FR7617499123450000000000142", T0);
    rows.borrowerName(BORROWER, NAME);
    jdbc.sql("update borrowers set signed_at = :at")
        .param("at", java.sql.Timestamp.from(T0.minusSeconds(86_400 * 30)))
        .update();
    rows.mandate(BORROWER, PLATFORM, "DIRECT_DEBIT", "AVMANDATE42", DEBIT_IBAN, T0);
    jdbc.sql("update repayment_methods set business_email = :email, bic = 'BNPAFRPPXXX'")
        .param("email", EMAIL)
        .update();
    loans.register(
        new RegisterLoan(
            new RequestLoan(
                LOAN,
                PLATFORM,
                BORROWER,
                "salt-1",
                "hash-1",
                123_456,
                new Invoice("F-2026-Ü1", 150_000, PAY.minusDays(3), DUE, "Débiteur Åke", "DE1"),
                null,
                new BankAccount("FR1420041010050500013M02606", "PSSTFRPPPAR"),
                PAY,
                DUE,
                true,
                null,
                LoanPolicy.DEFAULT),
            "RF18LOANDOCS",
            T0));
  }

  @Test
  void aContractIsStoredOnceWithTheLoansTermsAndAccentsIntact() throws IOException {
    DocumentIssued first = documents.issueContract(contract());
    DocumentIssued again = documents.issueContract(contract());

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.documentId()).isEqualTo(first.documentId());
    byte[] pdf = repository.content(first.documentId());
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(text)
        .contains(NAME)
        .contains("Débiteur Åke")
        .contains("F-2026-Ü1")
        // 1 234,56 € in France, written exactly from the cents
        .contains("1\u00a0234,56\u00a0€")
        .contains("1\u00a0500,00\u00a0€")
        .contains("2026-11-27")
        .contains("2026-12-27")
        .contains("Days borrowed 30")
        .contains(DEBIT_IBAN)
        .contains("AVMANDATE42")
        .contains("2026-10-28 09:00 (Paris)")
        .contains("2026-01 (fr)")
        .contains("RF18LOANDOCS")
        // 0.05 % × 1 234,56 € × 30 days = 18,5184 €
        .contains("0.05%")
        .contains("18,52\u00a0€");
    assertThat(repository.find(first.documentId()).orElseThrow().sha256())
        .isEqualTo(java.util.HexFormat.of().formatHex(PdfWriter.sha256(pdf)));
    // A sample for the README's picture (docs/contract.png, rendered by hand with pdftoppm).
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/documents/contract-sample.pdf"), pdf);
    assertThat(events.forEntity(PLATFORM, LOAN))
        .filteredOn(e -> e.eventType().equals("loan.CONTRACT_AVAILABLE"))
        .hasSize(1);
  }

  @Test
  void renderingTheSameContractTwiceGivesTheSameBytes() {
    documents.issueContract(contract());
    byte[] stored =
        repository.content(
            repository.forLoan(PLATFORM, LOAN).stream().findFirst().orElseThrow().id());
    jdbc.sql("delete from documents").update();
    documents.issueContract(contract());
    byte[] again =
        repository.content(
            repository.forLoan(PLATFORM, LOAN).stream().findFirst().orElseThrow().id());

    assertThat(again).isEqualTo(stored);
  }

  @Test
  void theContractIsMailedOnceToTheBorrowersBusinessEmail() throws Exception {
    DocumentIssued issued = documents.issueContract(contract());

    assertThat(documents.mailDocument(new MailDocument(issued.documentId())).status())
        .isEqualTo(DeliveryStatus.SENT);
    assertThat(documents.mailDocument(new MailDocument(issued.documentId())).status())
        .isEqualTo(DeliveryStatus.SENT);

    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(EMAIL);
    assertThat(received[0].getSubject()).contains(LOAN);
    Part attachment = attachment((Multipart) received[0].getContent());
    assertThat(attachment.getFileName()).isEqualTo("contract-" + LOAN + ".pdf");
    byte[] bytes;
    try (InputStream in = attachment.getInputStream()) {
      bytes = in.readAllBytes();
    }
    assertThat(bytes).isEqualTo(repository.content(issued.documentId()));
    assertThat(text(bytes)).contains("RF18LOANDOCS");
    DocumentRow row = repository.find(issued.documentId()).orElseThrow();
    assertThat(row.deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(row.deliveredAt()).isNotNull();
  }

  @Test
  void aLoanWithoutInvoiceDatesOrDebtorStillHasItsContract() throws IOException {
    jdbc.sql(
            "update loans set invoice_issue_date = null, invoice_due_date = null,"
                + " debtor_name = null, debtor_identifier = null")
        .update();

    DocumentIssued issued = documents.issueContract(contract());

    assertThat(text(repository.content(issued.documentId())))
        .contains("RF18LOANDOCS", "1\u00a0234,56\u00a0€");
  }

  @Test
  void aBorrowerWithoutAnEmailGetsNoMail() {
    jdbc.sql("update repayment_methods set business_email = null").update();
    DocumentIssued issued = documents.issueContract(contract());

    assertThat(documents.mailDocument(new MailDocument(issued.documentId())).status())
        .isEqualTo(DeliveryStatus.NO_RECIPIENT);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  private static IssueContract contract() {
    return new IssueContract(LOAN, PLATFORM, BORROWER, T0);
  }

  private static Part attachment(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return part;
      }
      if (part.getContent() instanceof Multipart nested) {
        Part found = attachment(nested);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
