package dev.avance.activities.document;

import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.borrower.BorrowerRow;
import dev.avance.activities.borrower.RepaymentMethodRepository;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.loan.LoanRow;
import dev.avance.activities.terms.TermsCatalogue;
import dev.avance.activities.terms.TermsRepository;
import dev.avance.workflows.borrower.RepaymentMethodView;
import dev.avance.workflows.document.DeliveryStatus;
import dev.avance.workflows.document.DocumentActivities;
import dev.avance.workflows.document.DocumentDelivery;
import dev.avance.workflows.document.DocumentIssued;
import dev.avance.workflows.document.DocumentKind;
import dev.avance.workflows.document.IssueContract;
import dev.avance.workflows.document.MailDocument;
import dev.avance.workflows.loan.LoanEvent;
import dev.avance.workflows.rules.Interest;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a loan's contract once (the stored row answers every later attempt) and mails stored
 * documents. Logs name documents by id only: their content and recipients are personal data.
 */
@Component
@EnableConfigurationProperties(DocumentProperties.class)
public class DocumentActivitiesImpl implements DocumentActivities {
  private static final Logger log = LoggerFactory.getLogger(DocumentActivitiesImpl.class);
  static final String PDF = "application/pdf";

  private final DocumentRepository documents;
  private final LoanRepository loans;
  private final BorrowerRepository borrowers;
  private final RepaymentMethodRepository methods;
  private final DomainEventRepository events;
  private final DocumentMailer mailer;
  private final DocumentProperties properties;
  private final Clock clock;
  private final String bic;
  private final TermsRepository terms;
  private final TermsCatalogue catalogue;

  public DocumentActivitiesImpl(
      DocumentRepository documents,
      LoanRepository loans,
      BorrowerRepository borrowers,
      RepaymentMethodRepository methods,
      DomainEventRepository events,
      DocumentMailer mailer,
      DocumentProperties properties,
      Clock clock,
      @Value("${avance.bank.bic:AVNCFRPPXXX}") String bic,
      TermsRepository terms,
      TermsCatalogue catalogue) {
    this.terms = terms;
    this.catalogue = catalogue;
    this.documents = documents;
    this.loans = loans;
    this.borrowers = borrowers;
    this.methods = methods;
    this.events = events;
    this.mailer = mailer;
    this.properties = properties;
    this.clock = clock;
    this.bic = bic;
  }

  @Override
  @Transactional
  public DocumentIssued issueContract(IssueContract command) {
    String id = DocumentRepository.idOf(command.loanId(), DocumentKind.LOAN_CONTRACT);
    if (documents.find(id).isPresent()) {
      return new DocumentIssued(id, false);
    }
    LoanRow loan =
        loans
            .findById(command.platformId(), command.loanId())
            .orElseThrow(() -> missing("loan " + command.loanId()));
    BorrowerRow borrower =
        borrowers
            .findById(command.platformId(), loan.borrowerId())
            .orElseThrow(() -> missing("borrower of loan " + command.loanId()));
    byte[] pdf = ContractRenderer.render(contract(command, loan, borrower));
    boolean stored =
        documents.insertIfAbsent(
            loan.platformId(),
            loan.borrowerId(),
            loan.id(),
            DocumentKind.LOAN_CONTRACT,
            PDF,
            "contract-" + loan.id() + ".pdf",
            pdf,
            clock.instant());
    events.append(
        loan.platformId(),
        "loan",
        loan.id(),
        LoanEvent.CONTRACT_AVAILABLE.code(),
        loan.id() + ":contract",
        clock.instant());
    log.info("Document {} issued (contract of loan {})", id, loan.id());
    return new DocumentIssued(id, stored);
  }

  private ContractRenderer.Contract contract(
      IssueContract command, LoanRow loan, BorrowerRow borrower) {
    Optional<RepaymentMethodView> method = defaultMethod(loan.platformId(), loan.borrowerId());
    boolean debit = method.map(m -> m.mandateReference() != null && m.iban() != null).orElse(false);
    return new ContractRenderer.Contract(
        loan.id(),
        command.validatedAt(),
        properties.lenderName(),
        borrower.name() == null ? borrower.identifier() : borrower.name(),
        borrower.identifierType(),
        borrower.identifier(),
        borrower.country(),
        loan.platformId(),
        loan.invoiceNumber(),
        loan.invoiceAmountCents(),
        loan.invoiceIssueDate(),
        loan.invoiceDueDate(),
        loan.debtorName(),
        loan.debtorIdentifier(),
        loan.amountCents(),
        loan.toPayAt(),
        loan.toRepayAt(),
        loan.loanToIban(),
        loan.loanToBic(),
        Interest.DAILY_RATE_PERCENT,
        debit ? "DIRECT_DEBIT" : "SCT",
        debit ? method.get().iban() : borrower.virtualIban(),
        debit ? method.get().bic() : bic,
        debit ? method.get().mandateReference() : null,
        loan.remittanceReference(),
        borrower.signedAt(),
        terms
            .latest(borrower.id())
            .map(a -> a.version() + " (" + a.language() + ")")
            .orElse(
                borrower.signedAt() == null
                    ? null
                    : catalogue.first()
                        + " ("
                        + catalogue.defaultLanguage(borrower.country())
                        + ")"));
  }

  @Override
  public DocumentDelivery mailDocument(MailDocument command) {
    DocumentRow document =
        documents
            .find(command.documentId())
            .orElseThrow(() -> missing("document " + command.documentId()));
    if (document.deliveryStatus() == DeliveryStatus.SENT) {
      return new DocumentDelivery(document.id(), DeliveryStatus.SENT);
    }
    DeliveryStatus status;
    Optional<String> to = businessEmail(document.platformId(), document.borrowerId());
    if (!mailer.enabled()) {
      status = DeliveryStatus.DISABLED;
    } else if (to.isEmpty()) {
      status = DeliveryStatus.NO_RECIPIENT;
    } else {
      // A failure here is retried by Temporal; a mail sent but not marked is sent again, once.
      mailer.send(
          to.get(),
          subject(document),
          "Please find attached your "
              + describe(document)
              + ".\n\nSHA-256: "
              + document.sha256()
              + "\n",
          document.fileName(),
          documents.content(document.id()),
          document.contentType());
      status = DeliveryStatus.SENT;
    }
    documents.markDelivery(document.id(), status, clock.instant());
    log.info("Document {} delivery {}", document.id(), status);
    return new DocumentDelivery(document.id(), status);
  }

  private static String subject(DocumentRow document) {
    return "Avance: " + describe(document);
  }

  private static String describe(DocumentRow document) {
    return document.kind() == DocumentKind.LOAN_CONTRACT
        ? "loan contract " + document.loanId()
        : document.fileName();
  }

  /** The business email of the borrower's repayment methods, the default one's first. */
  private Optional<String> businessEmail(String platformId, String borrowerId) {
    List<RepaymentMethodView> all = methods.findByBorrower(platformId, borrowerId);
    return all.stream()
        .filter(m -> m.businessEmail() != null && !m.businessEmail().isBlank())
        .sorted(
            Comparator.comparing(RepaymentMethodView::isDefault)
                .reversed()
                .thenComparing(RepaymentMethodView::createdAt, Comparator.reverseOrder()))
        .map(RepaymentMethodView::businessEmail)
        .findFirst();
  }

  private Optional<RepaymentMethodView> defaultMethod(String platformId, String borrowerId) {
    return methods.findByBorrower(platformId, borrowerId).stream()
        .filter(RepaymentMethodView::isDefault)
        .findFirst();
  }

  private static ApplicationFailure missing(String what) {
    return ApplicationFailure.newNonRetryableFailure(what + " not found", "NOT_FOUND");
  }
}
