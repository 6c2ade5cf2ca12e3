package dev.avance.api.billing;

import dev.avance.activities.bank.BankProperties;
import dev.avance.activities.billing.BillLineKind;
import dev.avance.activities.billing.BillLineRow;
import dev.avance.activities.billing.BillQuery;
import dev.avance.activities.billing.BillRepository;
import dev.avance.activities.billing.BillRow;
import dev.avance.activities.billing.BillTransferPayments;
import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.document.BillRenderer;
import dev.avance.activities.platform.Platform;
import dev.avance.api.auth.Operator;
import dev.avance.api.common.Csv;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.ops.OperatorAudit;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.PayerType;
import dev.avance.workflows.rules.LoanReferences;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Bills from the read model, scoped to the calling platform (its own and its borrowers'). */
@Service
public class BillService {
  private final BillRepository bills;
  private final BillTransferPayments payments;
  private final OperatorAudit audit;
  private final Clock clock;
  private final BankProperties bank;
  private final BorrowerRepository borrowers;

  public BillService(
      BillRepository bills,
      BillTransferPayments payments,
      OperatorAudit audit,
      Clock clock,
      BankProperties bank,
      BorrowerRepository borrowers) {
    this.borrowers = borrowers;
    this.bills = bills;
    this.payments = payments;
    this.audit = audit;
    this.clock = clock;
    this.bank = bank;
  }

  public PageResponse<BillResponse> list(
      Platform platform,
      YearMonth period,
      PayerType payerType,
      String payerId,
      List<BillStatus> statuses,
      PageRequest page) {
    List<BillRow> rows =
        bills.find(
            new BillQuery(
                platform.id(),
                period,
                payerType,
                payerId,
                statuses,
                page.ascending(),
                page.afterTime(),
                page.afterId(),
                page.fetchSize()));
    boolean more = rows.size() > page.pageSize();
    List<BillRow> pageRows = more ? rows.subList(0, page.pageSize()) : rows;
    String next = null;
    if (more) {
      BillRow last = pageRows.get(pageRows.size() - 1);
      next = page.cursorAfter(last.createdAt(), last.id());
    }
    return new PageResponse<>(pageRows.stream().map(b -> response(b, null)).toList(), next);
  }

  /**
   * An operator records a bill's payment by transfer (by default now; never in the future): the
   * bill is PAID and the loans it settles are CLOSED. Recorded before, the bill as it is.
   */
  public BillResponse recordTransferPayment(Operator operator, String id, Instant paidAt) {
    if (paidAt != null && paidAt.isAfter(clock.instant())) {
      throw ApiException.invalidField("paid_at", "out_of_range", "must not be in the future");
    }
    // No bill is two years old: a payment dated before that is a typo, not a payment.
    if (paidAt != null && paidAt.isBefore(clock.instant().minus(java.time.Duration.ofDays(730)))) {
      throw ApiException.invalidField(
          "paid_at", "out_of_range", "must be within the last two years");
    }
    try {
      BillRow bill =
          payments.record(id, paidAt).orElseThrow(() -> ApiException.notFound("Bill " + id)).bill();
      audit.record(
          operator,
          "bill.payment",
          bill.platformId(),
          id,
          Map.of("paid_at", String.valueOf(bill.paidAt())));
      return response(bill, lines(bills.lines(bill.id())));
    } catch (BillTransferPayments.NotPayable e) {
      throw new ApiException(ErrorCode.INVALID_STATE, e.getMessage());
    }
  }

  public BillResponse get(Platform platform, String id) {
    BillRow bill =
        bills.findById(platform.id(), id).orElseThrow(() -> ApiException.notFound("Bill " + id));
    return response(bill, lines(bills.lines(bill.id())));
  }

  /**
   * The bill as a PDF, rendered from its current state: a bill can gain lines until its month is
   * closed, so the document is not stored; the same state gives the same bytes.
   */
  public byte[] pdf(Platform platform, String id) {
    BillResponse bill = get(platform, id);
    String name = bill.payerId();
    String country = "FRA";
    if (bill.billedBorrowerId() != null) {
      var borrower = borrowers.findById(platform.id(), bill.billedBorrowerId()).orElse(null);
      if (borrower != null) {
        name = borrower.name() == null ? borrower.identifier() : borrower.name();
        country = borrower.country();
      }
    }
    return BillRenderer.render(
        new BillRenderer.Bill(
            bill.id(),
            bill.period(),
            bill.payerType(),
            name,
            bill.payerId(),
            bill.billDate(),
            bill.dueDate(),
            bill.status(),
            bill.toPayAmount(),
            bill.lines().stream()
                .map(
                    l ->
                        new BillRenderer.Line(
                            l.kind().name(),
                            l.loanId(),
                            l.firstDay(),
                            l.lastDay(),
                            l.days(),
                            l.principal(),
                            l.amount()))
                .toList(),
            bill.paymentInstructions().accountNumber(),
            bill.paymentInstructions().bankIdentifier(),
            bill.paymentInstructions().reference(),
            bill.payment() != null,
            bill.payment() == null ? null : bill.payment().collectionDate(),
            country,
            bill.updatedAt()));
  }

  /** Bills as CSV rows, one a bill, amounts in cents and in euros. */
  static String csv(List<BillResponse> bills) {
    Csv csv =
        new Csv(
            "id",
            "period",
            "payer_type",
            "payer_id",
            "billed_borrower_id",
            "status",
            "bill_date",
            "due_date",
            "to_pay_amount",
            "to_pay_amount_eur",
            "currency",
            "loans_count",
            "reference",
            "paid_at");
    for (BillResponse b : bills) {
      csv.row(
          b.id(),
          b.period(),
          b.payerType(),
          b.payerId(),
          b.billedBorrowerId(),
          b.status(),
          b.billDate(),
          b.dueDate(),
          b.toPayAmount(),
          Csv.euros(b.toPayAmount()),
          b.currency(),
          b.loansCount(),
          b.paymentInstructions().reference(),
          b.paidAt());
    }
    return csv.toString();
  }

  /** One bill's lines as CSV rows, each with its bill's id. */
  static String linesCsv(BillResponse bill) {
    Csv csv =
        new Csv(
            "bill_id",
            "kind",
            "loan_id",
            "first_day",
            "last_day",
            "days",
            "principal",
            "principal_days",
            "exact_interest",
            "amount",
            "amount_eur");
    for (BillResponse.Line l : bill.lines()) {
      csv.row(
          bill.id(),
          l.kind(),
          l.loanId(),
          l.firstDay(),
          l.lastDay(),
          l.days(),
          l.principal(),
          l.principalDays(),
          l.exactInterest(),
          l.amount(),
          Csv.euros(l.amount()));
    }
    return csv.toString();
  }

  /** Each loan's interest line, followed by its penalty line when it has late days. */
  static List<BillResponse.Line> lines(List<BillLineRow> rows) {
    List<BillResponse.Line> lines = new ArrayList<>(rows.size());
    for (BillLineRow l : rows) {
      lines.add(line(l));
      if (l.penaltyDays() > 0) {
        lines.add(
            new BillResponse.Line(
                BillLineKind.PENALTY,
                l.loanId(),
                l.from(),
                l.to().minusDays(1),
                l.penaltyDays(),
                l.principalCents(),
                l.penaltyPrincipalDays(),
                l.penaltyExact().toPlainString(),
                l.penaltyCents()));
      }
    }
    return lines;
  }

  private BillResponse response(BillRow b, List<BillResponse.Line> lines) {
    return new BillResponse(
        b.id(),
        b.status().name(),
        b.period().toString(),
        b.period().atDay(1),
        b.period().atEndOfMonth(),
        b.payerType().name(),
        b.payerId(),
        b.payerType() == PayerType.BORROWER ? b.borrowerId() : null,
        b.billDate(),
        b.dueDate(),
        b.totalCents(),
        "EUR",
        b.linesCount(),
        b.paymentId() == null
            ? null
            : new BillResponse.Payment(
                b.paymentId(),
                "DIRECT_DEBIT",
                b.paymentStatus(),
                b.paymentFailureReason(),
                b.collectionDate()),
        new BillResponse.PaymentInstructions(
            b.payerType() == PayerType.BORROWER ? b.payerVirtualIban() : bank.iban(),
            bank.bic(),
            LoanReferences.remittanceReference(b.id())),
        b.paidAt(),
        b.createdAt(),
        b.updatedAt(),
        lines);
  }

  private static BillResponse.Line line(BillLineRow l) {
    return new BillResponse.Line(
        BillLineKind.INTEREST,
        l.loanId(),
        l.from(),
        l.to().minusDays(1),
        l.days(),
        l.principalCents(),
        l.principalDays(),
        l.interestExact().toPlainString(),
        l.billedCents());
  }
}
