package dev.avance.activities.reconciliation;

import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.bank.BankProperties;
import dev.avance.activities.billing.BillRepository;
import dev.avance.activities.billing.BillRow;
import dev.avance.activities.billing.BillTransferPayments;
import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.loan.LoanRow;
import dev.avance.activities.reconciliation.IncomingCreditRepository.IncomingCreditRow;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.AssignCredit;
import dev.avance.workflows.payment.ClaimedCredit;
import dev.avance.workflows.payment.CreditMatch;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.IncomingCreditActivities;
import dev.avance.workflows.payment.PayBill;
import dev.avance.workflows.payment.SettleCredit;
import dev.avance.workflows.rules.LoanReferences;
import dev.avance.workflows.rules.RfReference;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Matches incoming transfers to loans by the RF reference they quote; parks the rest. */
@Component
public class IncomingCreditActivitiesImpl implements IncomingCreditActivities {
  /** An RF reference anywhere in the remittance information, spaces allowed as printed. */
  private static final Pattern RF = Pattern.compile("RF\\s*\\d\\d(?:\\s*[A-Z0-9]){1,21}");

  private final LoanRepository loans;
  private final IncomingCreditRepository credits;
  private final DomainEventRepository events;
  private final JdbcClient jdbc;
  private final BillRepository bills;
  private final BillTransferPayments billPayments;
  private final BankProperties bank;

  public IncomingCreditActivitiesImpl(
      LoanRepository loans,
      IncomingCreditRepository credits,
      DomainEventRepository events,
      JdbcClient jdbc,
      BillRepository bills,
      BillTransferPayments billPayments,
      BankProperties bank) {
    this.loans = loans;
    this.credits = credits;
    this.events = events;
    this.jdbc = jdbc;
    this.bills = bills;
    this.billPayments = billPayments;
    this.bank = bank;
  }

  @Override
  public CreditMatch match(IncomingCredit credit) {
    String channel = channel(credit.bankReference());
    Optional<String> reference = reference(credit.remittanceInformation());
    Optional<CreditMatch> loan =
        reference
            .flatMap(loans::findByReference)
            .filter(l -> toBorrowersVirtualIban(l, credit.toIban()))
            .filter(l -> channel.equals(environment(l.platformId())))
            .map(l -> new CreditMatch(l.id(), l.platformId()));
    if (loan.isPresent()) {
      return loan.get();
    }
    return reference
        .flatMap(ref -> payableBill(ref, credit.toIban(), channel))
        .orElse(new CreditMatch(null, null));
  }

  /**
   * The bill the reference names, if it is payable on that account: a borrower's bill on the
   * borrower's virtual IBAN, a platform's on Avance's own account. A bill's reference is derived
   * from its id ({@link LoanReferences#remittanceReference}), so the payer's open bills are few and
   * each is compared.
   */
  private Optional<CreditMatch> payableBill(String reference, String toIban, String channel) {
    String iban = toIban.replace(" ", "").toUpperCase(Locale.ROOT);
    List<String[]> open =
        jdbc.sql(
                """
                select b.id, b.platform_id from bills b
                join platforms p on p.id = b.platform_id
                left join borrowers br on br.id = b.borrower_id
                where b.status = 'TO_PAY' and p.environment = :channel
                  and ((b.payer_type = 'BORROWER' and br.virtual_iban = :iban)
                       or (b.payer_type = 'PLATFORM' and :iban = :avance))
                order by b.id
                """)
            .param("channel", channel)
            .param("iban", iban)
            .param("avance", bank.iban())
            .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("platform_id")})
            .list();
    return open.stream()
        .filter(bill -> LoanReferences.remittanceReference(bill[0]).equals(reference))
        .findFirst()
        .map(bill -> new CreditMatch(null, bill[1], bill[0]));
  }

  @Override
  @Transactional
  public Done payBill(PayBill command) {
    IncomingCredit credit = command.credit();
    Optional<String> received =
        jdbc.sql("select status from bank_incoming_credits where bank_reference = :ref for update")
            .param("ref", credit.bankReference())
            .query(String.class)
            .optional();
    if (received.isEmpty() || !"RECEIVED".equals(received.get())) {
      // Settled already (the workflow's retry after our commit): nothing to do again.
      return new Done(false);
    }
    Optional<BillRow> bill = bills.findForOperators(command.billId(), true);
    String why = null;
    if (bill.isEmpty()) {
      why = "BILL_NOT_FOUND " + command.billId();
    } else if (bill.get().status() == BillStatus.PAID) {
      // Paid meanwhile (another transfer matched while it was TO_PAY): this money is the payer's
      // to get back whole, not an overpayment of the bill.
      why = "BILL_ALREADY_PAID " + command.billId();
    } else if (credit.amountCents() < bill.get().totalCents()) {
      why = "BILL_UNDERPAID " + command.billId();
    } else {
      try {
        billPayments.record(command.billId(), credit.receivedAt(), credit.bankReference());
      } catch (BillTransferPayments.NotPayable e) {
        why = "BILL_NOT_PAYABLE " + command.billId();
      }
    }
    int changed =
        jdbc.sql(
                """
                update bank_incoming_credits set status = :status, matched_bill_id = :bill,
                    parked_reason = :why
                where bank_reference = :ref and status = 'RECEIVED'
                """)
            .param("status", why == null ? "MATCHED" : "PARKED")
            .param("bill", why == null ? command.billId() : null)
            .param("why", why)
            .param("ref", credit.bankReference())
            .update();
    if (why != null && command.platformId() != null) {
      events.append(
          command.platformId(),
          "incoming_transfer",
          credit.bankReference(),
          "incoming_transfer.PARKED",
          "incoming:" + credit.bankReference(),
          credit.receivedAt());
    }
    return new Done(changed == 1);
  }

  /** The channel the credit came in on (LIVE for credits recorded before channels existed). */
  private String channel(String bankReference) {
    return jdbc.sql("select channel from bank_incoming_credits where bank_reference = :ref")
        .param("ref", bankReference)
        .query(String.class)
        .optional()
        .orElse("LIVE");
  }

  private String environment(String platformId) {
    return jdbc.sql("select environment from platforms where id = :p")
        .param("p", platformId)
        .query(String.class)
        .optional()
        .orElse("");
  }

  static Optional<String> reference(String remittanceInformation) {
    if (remittanceInformation == null) {
      return Optional.empty();
    }
    Matcher m = RF.matcher(remittanceInformation.toUpperCase(Locale.ROOT));
    while (m.find()) {
      String candidate = m.group().replace(" ", "");
      // The longest run may have swallowed text after the reference; shorten to a valid one.
      for (int end = candidate.length(); end >= 5; end--) {
        if (RfReference.isValid(candidate.substring(0, end))) {
          return Optional.of(candidate.substring(0, end));
        }
      }
    }
    return Optional.empty();
  }

  private boolean toBorrowersVirtualIban(LoanRow loan, String toIban) {
    return jdbc.sql("select exists (select 1 from borrowers where id = :b and virtual_iban = :i)")
        .param("b", loan.borrowerId())
        .param("i", toIban.replace(" ", "").toUpperCase(Locale.ROOT))
        .query(Boolean.class)
        .single();
  }

  @Override
  @Transactional
  public Done settle(SettleCredit command) {
    IncomingCredit credit = command.credit();
    boolean matched = command.loanId() != null;
    int changed =
        jdbc.sql(
                """
                update bank_incoming_credits set status = :status, matched_loan_id = :loan,
                    parked_reason = coalesce(:why, parked_reason)
                where bank_reference = :ref
                  and (status = 'RECEIVED' or (:matched and status = 'PARKED'))
                """)
            .param("status", matched ? "MATCHED" : "PARKED")
            .param("loan", command.loanId())
            .param("why", command.why())
            .param("matched", matched)
            .param("ref", credit.bankReference())
            .update();
    if (matched) {
      // By id, not by the reference: an operator assigns credits that quote none.
      LoanRow loan = loans.findById(command.platformId(), command.loanId()).orElseThrow();
      jdbc.sql(
              """
              insert into payments (payment_id, loan_id, platform_id, borrower_id, type,
                  amount_cents, status, remittance_reference, instructed_at, paid_at,
                  created_at, updated_at, channel, settled_amount_cents)
              values (:id, :loan, :platform, :borrower, 'INCOMING_TRANSFER', :amount, 'PAID',
                  :reference, :at, :at, :at, :at,
                  (select environment from platforms where id = :platform), :amount)
              on conflict (payment_id) do nothing
              """)
          .param("id", "incoming:" + credit.bankReference())
          .param("loan", loan.id())
          .param("platform", loan.platformId())
          .param("borrower", loan.borrowerId())
          .param("amount", credit.amountCents())
          .param("reference", loan.remittanceReference())
          .param("at", timestamp(credit.receivedAt()))
          .update();
    } else if (command.platformId() != null) {
      events.append(
          command.platformId(),
          "incoming_transfer",
          credit.bankReference(),
          "incoming_transfer.PARKED",
          "incoming:" + credit.bankReference(),
          credit.receivedAt());
    }
    return new Done(changed == 1);
  }

  @Override
  public ClaimedCredit claim(AssignCredit request) {
    IncomingCreditRow credit =
        credits
            .findByReference(request.bankReference())
            .filter(c -> "PARKED".equals(c.status()))
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "credit " + request.bankReference() + " is not parked",
                        FailureType.CREDIT_NOT_PARKED.type()));
    LoanRow loan =
        loans
            .findForOperators(request.loanId())
            .filter(l -> "TO_REPAY".equals(l.status()))
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "loan " + request.loanId() + " is not waiting for repayment",
                        FailureType.LOAN_NOT_OPEN.type()));
    // Money on a borrower's virtual IBAN is that borrower's: it repays only their loans.
    if (credit.borrowerId() != null && !credit.borrowerId().equals(loan.borrowerId())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "credit "
              + request.bankReference()
              + " was paid to another borrower's account than loan "
              + request.loanId()
              + "'s",
          FailureType.INVALID_STATE.type());
    }
    return new ClaimedCredit(
        new IncomingCredit(
            credit.bankReference(),
            credit.toIban(),
            credit.amountCents(),
            credit.remittanceInformation(),
            credit.receivedAt()),
        loan.platformId());
  }
}
