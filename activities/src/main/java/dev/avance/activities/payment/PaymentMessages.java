package dev.avance.activities.payment;

import dev.avance.activities.bank.BankProperties;
import dev.avance.activities.bank.EndToEndIds;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.CancellationRequest;
import dev.avance.bank.iso20022.CreditTransferInitiation;
import dev.avance.bank.iso20022.CreditTransferInitiation.CreditTransfer;
import dev.avance.bank.iso20022.DirectDebitInitiation;
import dev.avance.bank.iso20022.DirectDebitInitiation.DirectDebit;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.Remittance;
import dev.avance.bank.iso20022.SddScheme;
import dev.avance.bank.iso20022.SequenceType;
import dev.avance.workflows.payment.InstructPayment;
import dev.avance.workflows.payment.PaymentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ISO 20022 message of each payment: a pain.001 for a payout or a refund (SCT Inst when it is
 * due today, a SEPA credit transfer on its date otherwise), a pain.008 for a direct debit (CORE
 * under a direct-debit repayment method, B2B under a wallet mandate; FRST for a mandate's first
 * collection, RCUR after), a camt.055 to withdraw one. Everything in a message comes from the
 * payment's own row and the records it names, read in the transaction that writes the message, so
 * the message is written once and never rebuilt.
 */
@Component
public class PaymentMessages {
  /** SEPA days are counted in CET, the TARGET system's time. */
  private static final ZoneId BANK_ZONE = ZoneId.of("Europe/Paris");

  /** SEPA allows 70 characters for a name. */
  private static final int MAX_NAME = 70;

  /** What a payee sees when a name is unknown (an account holder name is mandatory in SEPA). */
  private static final String NOT_PROVIDED = "NOTPROVIDED";

  private final BankProperties bank;
  private final JdbcClient jdbc;

  public PaymentMessages(BankProperties bank, JdbcClient jdbc) {
    this.bank = bank;
    this.jdbc = jdbc;
  }

  /** The mandate under which a direct debit is collected, as the bank needs it. */
  public record Mandate(
      String reference, LocalDate signedOn, String debtorName, SddScheme scheme) {}

  /** A message to write, and what the payment row keeps of it. */
  public record Outgoing(
      BankMessage message, SddScheme scheme, SequenceType sequenceType, boolean instant) {}

  Party avance() {
    return new Party(bank.name(), bank.iban(), bank.bic());
  }

  /** The message that instructs this payment. */
  Outgoing instruction(InstructPayment command, String creditorName) {
    String endToEndId = EndToEndIds.of(command.paymentId());
    String messageId = EndToEndIds.messageOf(command.paymentId());
    if (command.type() == PaymentType.DIRECT_DEBIT) {
      Mandate mandate = mandate(command.mandateReference(), command.at());
      SequenceType sequence =
          firstCollection(command.mandateReference()) ? SequenceType.FRST : SequenceType.RCUR;
      DirectDebitInitiation message =
          new DirectDebitInitiation(
              messageId,
              command.at(),
              avance(),
              bank.creditorSchemeId(),
              mandate.scheme(),
              sequence,
              command.executionDate(),
              List.of(
                  new DirectDebit(
                      endToEndId,
                      command.amountCents(),
                      mandate.reference(),
                      mandate.signedOn(),
                      new Party(name(mandate.debtorName()), command.iban(), command.bic()),
                      command.remittanceReference() == null
                          ? null
                          : Remittance.reference(command.remittanceReference()))));
      return new Outgoing(message, mandate.scheme(), sequence, false);
    }
    LocalDate today = LocalDate.ofInstant(command.at(), BANK_ZONE);
    boolean instant = command.executionDate() == null || !command.executionDate().isAfter(today);
    CreditTransferInitiation message =
        new CreditTransferInitiation(
            messageId,
            command.at(),
            avance(),
            instant,
            instant ? today : command.executionDate(),
            List.of(
                new CreditTransfer(
                    endToEndId,
                    command.amountCents(),
                    new Party(name(creditorName), command.iban(), command.bic()),
                    command.remittanceReference() == null
                        ? null
                        : Remittance.text("AVANCE " + command.remittanceReference()))));
    return new Outgoing(message, null, null, instant);
  }

  /** The request to withdraw a payment that the bank has not executed. */
  CancellationRequest cancellation(PaymentRepository.PaymentRow payment, Instant at) {
    String id = EndToEndIds.cancellationOf(payment.paymentId());
    return new CancellationRequest(
        id,
        at,
        id,
        avance(),
        EndToEndIds.messageOf(payment.paymentId()),
        payment.type() == PaymentType.DIRECT_DEBIT ? MessageType.PAIN_008 : MessageType.PAIN_001,
        payment.endToEndId(),
        payment.amountCents(),
        "CUST");
  }

  /**
   * The mandate of a direct debit: the repayment method that holds it. A bill's debit uses the
   * borrower's mandate too. A mandate Avance does not know (never, unless a row was lost) is still
   * collected under its reference, signed on the day of the debit.
   */
  Mandate mandate(String reference, Instant at) {
    Optional<Mandate> known =
        jdbc.sql(
                """
                select rm.mandate_reference, rm.mandate_signed_at, rm.payment_method,
                    coalesce(rm.name, b.name) as debtor_name
                from repayment_methods rm join borrowers b on b.id = rm.borrower_id
                where rm.mandate_reference = :m
                """)
            .param("m", reference)
            .query(
                (rs, n) ->
                    new Mandate(
                        rs.getString("mandate_reference"),
                        rs.getTimestamp("mandate_signed_at") == null
                            ? LocalDate.ofInstant(at, BANK_ZONE)
                            : LocalDate.ofInstant(
                                rs.getTimestamp("mandate_signed_at").toInstant(), BANK_ZONE),
                        rs.getString("debtor_name"),
                        // The guide's "wallet IBAN for us to debit" is a company's account under
                        // a business-to-business mandate; the SDD repayment method is CORE.
                        "DIRECT_DEBIT".equals(rs.getString("payment_method"))
                            ? SddScheme.CORE
                            : SddScheme.B2B))
            .optional();
    return known.orElseGet(
        () -> new Mandate(reference, LocalDate.ofInstant(at, BANK_ZONE), null, SddScheme.CORE));
  }

  /** No debit under this mandate has been collected yet. */
  private boolean firstCollection(String mandateReference) {
    return !jdbc.sql(
            """
            select exists (select 1 from payments
                where mandate_reference = :m and type = 'DIRECT_DEBIT' and status = 'PAID')
            """)
        .param("m", mandateReference)
        .query(Boolean.class)
        .single();
  }

  /** The name the bank shows the payee: the borrower's, or the parked credit's payer's. */
  String borrowerName(String borrowerId) {
    return jdbc.sql("select name from borrowers where id = :id")
        .param("id", borrowerId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static String name(String name) {
    if (name == null || name.isBlank()) {
      return NOT_PROVIDED;
    }
    String trimmed = name.strip();
    return trimmed.length() > MAX_NAME ? trimmed.substring(0, MAX_NAME) : trimmed;
  }
}
