package dev.avance.activities.billing;

import dev.avance.activities.billing.BillRepository.Accrual;
import dev.avance.activities.billing.BillRepository.BillToIssue;
import dev.avance.activities.billing.BillRepository.Debited;
import dev.avance.activities.billing.BillRepository.Mandate;
import dev.avance.activities.billing.BillRepository.NewBill;
import dev.avance.activities.billing.BillRepository.NewLine;
import dev.avance.activities.ledger.LedgerFacts;
import dev.avance.activities.loan.LoanFeesNotifier;
import dev.avance.workflows.billing.BillDebit;
import dev.avance.workflows.billing.BillPayment;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.BillsGenerated;
import dev.avance.workflows.billing.BillsToCollect;
import dev.avance.workflows.billing.CloseSettledLoans;
import dev.avance.workflows.billing.CollectPage;
import dev.avance.workflows.billing.DebitsInstructed;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.billing.InstructedDebit;
import dev.avance.workflows.billing.IssueBills;
import dev.avance.workflows.billing.IssuedBills;
import dev.avance.workflows.billing.LoansClosed;
import dev.avance.workflows.billing.PayerType;
import dev.avance.workflows.billing.PaymentsRecorded;
import dev.avance.workflows.billing.RecordPayments;
import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.rules.Interest;
import dev.avance.workflows.rules.TargetCalendar;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills on PostgreSQL, each method one transaction. Idempotent by business key: a bill's id is
 * derived from (period, payer), a line's key is (loan, period), status changes are conditional
 * updates and events are keyed by (bill, status).
 *
 * <p>A malformed command is a non-retryable failure typed {@code
 * java.lang.IllegalArgumentException}; database errors are left to Temporal's retry policy.
 */
@Component
@EnableConfigurationProperties(BillingProperties.class)
public class BillingActivitiesImpl implements BillingActivities {
  private static final Logger log = LoggerFactory.getLogger(BillingActivitiesImpl.class);
  private static final String INVALID_ARGUMENT = IllegalArgumentException.class.getName();
  private static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(Interest.SCALE);

  private final BillRepository bills;
  private final LedgerFacts books;

  private final LoanFeesNotifier notifier;
  private final BillingProperties settings;

  public BillingActivitiesImpl(
      BillRepository bills,
      LedgerFacts books,
      LoanFeesNotifier notifier,
      BillingProperties settings) {
    this.bills = bills;
    this.books = books;
    this.notifier = notifier;
    this.settings = settings;
  }

  /** The id of a payer's bill for a period: the same (period, payer) always names one bill. */
  public static String billId(YearMonth period, PayerType payerType, String payerId) {
    return UUID.nameUUIDFromBytes(
            ("bill\n" + period + "\n" + payerType + "\n" + payerId)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * Who pays a loan's interest: the platform's {@code fees_payer} when it forces one, else (AUTO)
   * the borrower when Avance collects the loan by direct debit and the platform otherwise.
   */
  static PayerType payerOf(String feesPayer, String repaymentMethod) {
    return switch (feesPayer == null ? "AUTO" : feesPayer) {
      case "PLATFORM" -> PayerType.PLATFORM;
      case "BORROWER" -> PayerType.BORROWER;
      default -> "DIRECT_DEBIT".equals(repaymentMethod) ? PayerType.BORROWER : PayerType.PLATFORM;
    };
  }

  /**
   * One pass: the bulk query sums every loan's cent-days (see {@link BillRepository}), then each
   * line's exact interest is {@code accruedThrough - accruedBefore} and it bills {@link
   * Interest#centsToBill}: the difference of the rounded running totals, so that a loan's lines add
   * up to its total interest rounded once. A payer whose bill of the period is already past
   * GENERATED gets no new line: the loan's days are caught up by its next bill.
   */
  @Override
  @Transactional
  public BillsGenerated generate(GenerateBills command) {
    require(command != null && command.period() != null, "period is required");
    require(command.at() != null, "at is required");
    require(command.collectionLeadBusinessDays() >= 0, "collectionLeadBusinessDays is negative");
    YearMonth period = command.period();
    LocalDate runDay = LocalDate.ofInstant(command.at(), BillRepository.PARIS);
    require(
        !period.atDay(1).isAfter(runDay), "the period " + period + " has not begun on " + runDay);
    LocalDate dueDate =
        TargetCalendar.addBusinessDays(runDay, command.collectionLeadBusinessDays());

    bills.lockPeriod(period);
    long started = System.nanoTime();
    List<Accrual> accruals = bills.accruals(period, command.at());
    long computed = System.nanoTime();
    Map<String, BillStatus> existing = bills.statuses(period);

    // Payers in a stable order, so that bills and lines are written in the same order each time.
    Map<String, List<Accrual>> byBill = new TreeMap<>();
    Map<String, NewBill> newBills = new TreeMap<>();
    for (Accrual a : accruals) {
      PayerType payer = payerOf(a.feesPayer(), a.repaymentMethod());
      String payerId = payer == PayerType.BORROWER ? a.borrowerId() : a.platformId();
      String id = billId(period, payer, payerId);
      BillStatus status = existing.get(id);
      if (status != null && status != BillStatus.GENERATED) {
        continue;
      }
      byBill.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
      if (status == null) {
        newBills.putIfAbsent(
            id,
            new NewBill(
                id,
                a.platformId(),
                payer,
                payerId,
                payer == PayerType.BORROWER ? a.borrowerId() : null,
                0,
                0,
                runDay,
                dueDate));
      }
    }

    List<NewLine> lines = new ArrayList<>(accruals.size());
    List<NewBill> created = new ArrayList<>(newBills.size());
    Set<String> grown = new LinkedHashSet<>();
    long billedCents = 0;
    for (Map.Entry<String, List<Accrual>> bill : byBill.entrySet()) {
      long total = 0;
      for (Accrual a : bill.getValue()) {
        NewLine line = line(bill.getKey(), a, settings);
        lines.add(line);
        // The bill charges both; its count (loans_count) stays the count of its loans.
        total += line.billedCents() + line.penaltyCents();
      }
      billedCents += total;
      NewBill fresh = newBills.get(bill.getKey());
      if (fresh == null) {
        grown.add(bill.getKey());
      } else {
        created.add(
            new NewBill(
                fresh.id(),
                fresh.platformId(),
                fresh.payerType(),
                fresh.payerId(),
                fresh.borrowerId(),
                total,
                bill.getValue().size(),
                fresh.billDate(),
                fresh.dueDate()));
      }
    }
    bills.insertBills(period, created, command.at());
    int written = bills.insertLines(period, lines);
    bills.refreshTotals(grown);
    // The interest billed goes into the books with its lines, in their transaction.
    books.billLinesIssued(period);
    log.info(
        "Billing {}: {} loans, {} new bills, {} lines, {} cents; accrual {} ms, writes {} ms",
        period,
        accruals.size(),
        created.size(),
        written,
        billedCents,
        (computed - started) / 1_000_000,
        (System.nanoTime() - computed) / 1_000_000);
    return new BillsGenerated(created.size(), written, billedCents);
  }

  /**
   * A loan's line: exact interest through its end minus what was accrued before it; and, with a
   * penalty rate, the late principal's cent-days times the rate, exact, rounded once on this line.
   * A penalty is not a running total like interest: each line's late days are its own, and its
   * cents are what the borrower is told it owes for them.
   */
  private static NewLine line(String billId, Accrual a, BillingProperties settings) {
    BigDecimal before = a.accruedBefore() == null ? NOTHING : a.accruedBefore();
    BigDecimal through = Interest.accruedOnPrincipalDays(a.throughPrincipalDays());
    if (through.compareTo(before) < 0) {
      // Only a repayment recorded with a date in an already billed past can lower the total;
      // what was billed stays billed, and nothing is billed until the interest catches up.
      log.warn("Loan {}: interest {} below the {} already billed", a.loanId(), through, before);
      through = before;
    }
    // With the rate 0 nothing of the penalty is written, so that the lines are exactly as before.
    boolean penalty = settings.penalties() && a.penaltyPrincipalDays() > 0;
    BigDecimal penaltyExact =
        penalty
            ? BigDecimal.valueOf(a.penaltyPrincipalDays()).multiply(settings.penaltyDailyRate())
            : BigDecimal.ZERO;
    return new NewLine(
        billId,
        a.loanId(),
        a.from(),
        a.to(),
        a.days(),
        a.windowPrincipalDays(),
        a.amountCents(),
        before,
        through,
        through.subtract(before),
        Interest.centsToBill(before, through),
        a.principalAfter() == 0,
        penalty ? a.penaltyDays() : 0,
        penalty ? a.penaltyPrincipalDays() : 0,
        penaltyExact,
        Interest.roundToCents(penaltyExact));
  }

  @Override
  @Transactional
  public IssuedBills issue(IssueBills command) {
    require(command != null && command.period() != null, "period is required");
    require(command.limit() > 0, "limit must be positive");
    require(command.at() != null, "at is required");
    List<BillToIssue> page =
        bills.lockToIssue(command.period(), command.afterBillId(), command.limit() + 1);
    boolean more = page.size() > command.limit();
    List<BillToIssue> issued = more ? page.subList(0, command.limit()) : page;
    List<BillDebit> debits = new ArrayList<>();
    for (BillToIssue bill : issued) {
      if (bill.totalCents() == 0) {
        // Less than half a cent of interest: nothing to collect.
        bills.setStatus(bill.id(), BillStatus.VALIDATED, command.at());
        bills.setStatus(bill.id(), BillStatus.PAID, command.at());
        continue;
      }
      Mandate mandate =
          bill.payerType() == PayerType.BORROWER
              ? bills.mandate(bill.borrowerId()).orElse(null)
              : null;
      bills.setStatus(bill.id(), BillStatus.VALIDATED, command.at());
      if (mandate == null) {
        // A platform pays by transfer; so does a borrower who no longer has a mandate.
        bills.setStatus(bill.id(), BillStatus.TO_PAY, command.at());
        continue;
      }
      debits.add(
          new BillDebit(
              bill.id(),
              bill.platformId(),
              bill.borrowerId(),
              bill.totalCents(),
              mandate.iban(),
              mandate.bic(),
              mandate.reference(),
              bill.billDate()));
    }
    return new IssuedBills(
        issued.size(),
        debits,
        issued.isEmpty() ? command.afterBillId() : issued.get(issued.size() - 1).id(),
        more);
  }

  @Override
  @Transactional
  public Done debitsInstructed(DebitsInstructed command) {
    require(command != null && command.debits() != null, "debits are required");
    require(command.at() != null, "at is required");
    boolean changed = false;
    for (InstructedDebit debit : command.debits()) {
      changed |= bills.debitInstructed(debit.billId(), debit.paymentId(), command.at());
    }
    return new Done(changed);
  }

  @Override
  @Transactional(readOnly = true)
  public BillsToCollect toCollect(CollectPage query) {
    require(query != null && query.period() != null, "period is required");
    require(query.limit() > 0, "limit must be positive");
    List<Debited> page =
        bills.debitedAwaitingOutcome(query.period(), query.afterBillId(), query.limit() + 1);
    boolean more = page.size() > query.limit();
    List<Debited> shown = more ? page.subList(0, query.limit()) : page;
    return new BillsToCollect(
        shown.stream().map(d -> new InstructedDebit(d.billId(), d.paymentId())).toList(),
        shown.isEmpty() ? query.afterBillId() : shown.get(shown.size() - 1).billId(),
        more);
  }

  @Override
  @Transactional
  public PaymentsRecorded recordPayments(RecordPayments command) {
    require(command != null && command.payments() != null, "payments are required");
    require(command.at() != null, "at is required");
    int paid = 0;
    int failed = 0;
    List<String> paidBills = new ArrayList<>();
    for (BillPayment payment : command.payments()) {
      if (payment.status() == PaymentStatus.INSTRUCTED) {
        continue;
      }
      boolean isPaid = payment.status() == PaymentStatus.PAID;
      if (bills.recordOutcome(
          payment.billId(), payment.status().name(), payment.paidAt(), command.at())) {
        if (isPaid) {
          paid++;
        } else {
          failed++;
        }
      }
      if (isPaid) {
        paidBills.add(payment.billId());
      }
    }
    List<String> closed =
        paidBills.isEmpty() ? List.of() : bills.closeSettledLoans(paidBills, command.at());
    notifier.feesSettled(closed, paidBills.size() == 1 ? paidBills.get(0) : null, command.at());
    return new PaymentsRecorded(paid, failed, closed.size());
  }

  @Override
  @Transactional
  public LoansClosed closeSettledLoans(CloseSettledLoans command) {
    require(command != null && command.at() != null, "at is required");
    List<String> closed = bills.closeSettledLoans(null, command.at());
    notifier.feesSettled(closed, null, command.at());
    return new LoansClosed(closed.size());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw ApplicationFailure.newNonRetryableFailure(message, INVALID_ARGUMENT);
    }
  }
}
