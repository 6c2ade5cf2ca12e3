package dev.avance.activities.reconciliation;

import static dev.avance.activities.common.SqlTimes.timestamp;

import dev.avance.activities.events.DomainEventRepository;
import dev.avance.activities.loan.LoanRepository;
import dev.avance.activities.loan.LoanRow;
import dev.avance.activities.reconciliation.IncomingCreditRepository.IncomingCreditRow;
import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.AssignCredit;
import dev.avance.workflows.payment.ClaimedCredit;
import dev.avance.workflows.payment.CreditMatch;
import dev.avance.workflows.payment.IncomingCredit;
import dev.avance.workflows.payment.IncomingCreditActivities;
import dev.avance.workflows.payment.SettleCredit;
import dev.avance.workflows.rules.RfReference;
import io.temporal.failure.ApplicationFailure;
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

  public IncomingCreditActivitiesImpl(
      LoanRepository loans,
      IncomingCreditRepository credits,
      DomainEventRepository events,
      JdbcClient jdbc) {
    this.loans = loans;
    this.credits = credits;
    this.events = events;
    this.jdbc = jdbc;
  }

  @Override
  public CreditMatch match(IncomingCredit credit) {
    return reference(credit.remittanceInformation())
        .flatMap(loans::findByReference)
        .filter(loan -> toBorrowersVirtualIban(loan, credit.toIban()))
        .map(loan -> new CreditMatch(loan.id(), loan.platformId()))
        .orElse(new CreditMatch(null, null));
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
                  created_at, updated_at)
              values (:id, :loan, :platform, :borrower, 'INCOMING_TRANSFER', :amount, 'PAID',
                  :reference, :at, :at, :at, :at)
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
