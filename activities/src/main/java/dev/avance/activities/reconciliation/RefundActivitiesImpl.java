package dev.avance.activities.reconciliation;

import dev.avance.workflows.borrower.Done;
import dev.avance.workflows.common.FailureType;
import dev.avance.workflows.payment.PaymentStatus;
import dev.avance.workflows.refund.RefundActivities;
import dev.avance.workflows.refund.RefundClaim;
import dev.avance.workflows.refund.RefundOutcome;
import dev.avance.workflows.refund.RefundRequest;
import io.temporal.failure.ApplicationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit side of refunds. What a credit holds to pay back is derived each time from what was
 * applied of it (the loans' repayments keyed by its reference, the bill it paid) and what was
 * refunded, never kept as a balance of its own.
 */
@Component
public class RefundActivitiesImpl implements RefundActivities {
  private final JdbcClient jdbc;

  public RefundActivitiesImpl(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public RefundClaim claimRefund(RefundRequest request) {
    if (request == null || request.bankReference() == null) {
      throw nothing("a refund names a credit");
    }
    return jdbc.sql(
            """
            select c.bank_reference, c.amount_cents, c.status, c.from_iban, c.from_name,
                c.refunded_amount_cents, c.matched_loan_id, c.matched_bill_id,
                b.id as borrower_id, b.platform_id,
                l.status as loan_status,
                coalesce((select sum(r.amount_cents) from credit_repayments r
                          where r.repayment_key = c.bank_reference), 0) as applied,
                coalesce((select total_cents from bills where id = c.matched_bill_id), 0)
                    as bill_total
            from bank_incoming_credits c
            left join borrowers b on b.virtual_iban = c.to_iban
            left join loans l on l.id = c.matched_loan_id
            where c.bank_reference = :ref
            """)
        .param("ref", request.bankReference())
        .query(
            (rs, n) -> {
              long amount = rs.getLong("amount_cents");
              long refunded = rs.getLong("refunded_amount_cents");
              String status = rs.getString("status");
              long refundable =
                  switch (status) {
                    case "PARKED" -> amount - refunded;
                    case "MATCHED" -> {
                      if (rs.getString("matched_bill_id") != null) {
                        yield amount - rs.getLong("bill_total") - refunded;
                      }
                      // An open loan may still apply it: only what it could never apply is
                      // paid back, once the loan is done with repayments.
                      yield "TO_REPAY".equals(rs.getString("loan_status"))
                          ? 0
                          : amount - rs.getLong("applied") - refunded;
                    }
                    default -> 0;
                  };
              if (refundable <= 0) {
                throw nothing("credit " + request.bankReference() + " holds nothing to refund");
              }
              if (rs.getString("from_iban") == null || rs.getString("platform_id") == null) {
                throw nothing(
                    "credit "
                        + request.bankReference()
                        + " came from an account the bank did not report, or to none of the"
                        + " borrowers' accounts");
              }
              return new RefundClaim(
                  rs.getString("bank_reference"),
                  rs.getString("platform_id"),
                  rs.getString("borrower_id"),
                  refundable,
                  rs.getString("from_iban"),
                  rs.getString("from_name"));
            })
        .optional()
        .orElseThrow(() -> nothing("no credit " + request.bankReference()));
  }

  @Override
  @Transactional
  public Done completeRefund(RefundOutcome outcome) {
    if (outcome.status() != PaymentStatus.PAID) {
      return new Done(false);
    }
    // Keyed by the refund's own payment, claimed under its row lock: recorded once however often
    // the workflow retries, and never for a payment Avance did not instruct as this refund.
    int claimed =
        jdbc.sql(
                """
                update payments set refund_of = :ref
                where payment_id = :payment and type = 'REFUND' and status = 'PAID'
                  and refund_of is null
                """)
            .param("ref", outcome.bankReference())
            .param("payment", outcome.paymentId())
            .update();
    if (claimed == 0) {
      return new Done(false);
    }
    int changed =
        jdbc.sql(
                """
                update bank_incoming_credits
                set refunded_amount_cents = refunded_amount_cents + :amount,
                    status = case when status = 'PARKED' then 'REFUNDED' else status end,
                    parked_reason = case when status = 'PARKED' then null else parked_reason end
                where bank_reference = :ref
                """)
            .param("amount", outcome.amountCents())
            .param("ref", outcome.bankReference())
            .update();
    return new Done(changed == 1);
  }

  private static ApplicationFailure nothing(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureType.NOTHING_TO_REFUND.type());
  }
}
