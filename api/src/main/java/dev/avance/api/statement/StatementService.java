package dev.avance.api.statement;

import dev.avance.activities.borrower.BorrowerRepository;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.statement.StatementRepository;
import dev.avance.activities.statement.StatementRepository.Posting;
import dev.avance.activities.statement.StatementRepository.StatementLoan;
import dev.avance.api.common.Csv;
import dev.avance.api.error.ApiException;
import dev.avance.api.statement.StatementResponse.Balances;
import dev.avance.api.statement.StatementResponse.Movement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Borrower statements, summed from the ledger's postings. */
@Service
public class StatementService {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Balances ZERO = new Balances(0, 0, 0);
  private static final int MAX_DAYS = 366;

  private final StatementRepository statements;
  private final BorrowerRepository borrowers;
  private final Clock clock;

  public StatementService(
      StatementRepository statements, BorrowerRepository borrowers, Clock clock) {
    this.statements = statements;
    this.borrowers = borrowers;
    this.clock = clock;
  }

  /** From the first of this month to today when not given; at most a year. */
  public StatementResponse statement(
      Platform platform, String borrowerId, LocalDate from, LocalDate to) {
    if (borrowers.findById(platform.id(), borrowerId).isEmpty()) {
      throw ApiException.notFound("Borrower " + borrowerId);
    }
    LocalDate today = LocalDate.now(clock.withZone(PARIS));
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.withDayOfMonth(1) : from;
    if (end.isBefore(start)) {
      throw ApiException.invalidField("to", "invalid_value", "must be on or after from");
    }
    if (start.plusDays(MAX_DAYS).isBefore(end)) {
      throw ApiException.invalidField(
          "to", "out_of_range", "must be at most " + MAX_DAYS + " days after from");
    }
    List<StatementLoan> loans = statements.loans(platform.id(), borrowerId);
    Map<String, Balances> opening = new HashMap<>();
    Map<String, Balances> closing = new HashMap<>();
    Map<String, Movement> movements = new LinkedHashMap<>();
    long paidOut = 0;
    long repaid = 0;
    long interestBilled = 0;
    long interestPaid = 0;
    long penaltiesBilled = 0;
    for (Posting p :
        statements.postings(
            platform.id(), borrowerId, end.plusDays(1).atStartOfDay(PARIS).toInstant())) {
      Balances move = balances(p.account(), p.cents());
      LocalDate day = LocalDate.ofInstant(p.occurredAt(), PARIS);
      closing.merge(p.loanId(), move, Balances::plus);
      if (day.isBefore(start)) {
        opening.merge(p.loanId(), move, Balances::plus);
        continue;
      }
      movements.merge(
          p.entryId() + ":" + p.loanId(),
          new Movement(
              day, p.loanId(), p.entryKind(), move.principal(), move.interest(), move.penalties()),
          (a, b) ->
              new Movement(
                  a.date(),
                  a.loanId(),
                  a.entryKind(),
                  a.principal() + b.principal(),
                  a.interest() + b.interest(),
                  a.penalties() + b.penalties()));
      if (move.principal() > 0) {
        paidOut += move.principal();
      } else {
        repaid -= move.principal();
      }
      if (move.interest() > 0) {
        interestBilled += move.interest();
      } else {
        interestPaid -= move.interest();
      }
      if (move.penalties() > 0) {
        penaltiesBilled += move.penalties();
      }
    }
    List<StatementResponse.Loan> loanLines = new ArrayList<>();
    Balances totalOpening = ZERO;
    Balances totalClosing = ZERO;
    for (StatementLoan l : loans) {
      Balances o = opening.getOrDefault(l.id(), ZERO);
      Balances c = closing.getOrDefault(l.id(), ZERO);
      totalOpening = totalOpening.plus(o);
      totalClosing = totalClosing.plus(c);
      loanLines.add(
          new StatementResponse.Loan(
              l.id(),
              l.status(),
              l.amountCents(),
              l.invoiceNumber(),
              l.toPayAt(),
              l.toRepayAt(),
              l.reference(),
              o,
              c));
    }
    return new StatementResponse(
        borrowerId,
        start,
        end,
        "EUR",
        totalOpening,
        totalClosing,
        new StatementResponse.Totals(
            paidOut, repaid, interestBilled, interestPaid, penaltiesBilled),
        loanLines,
        List.copyOf(movements.values()));
  }

  private static Balances balances(String account, long cents) {
    switch (account) {
      case "PRINCIPAL":
        return new Balances(cents, 0, 0);
      case "INTEREST":
        return new Balances(0, cents, 0);
      default:
        return new Balances(0, 0, cents);
    }
  }

  /** The statement as CSV: its opening balance, each movement, its closing balance. */
  static String csv(StatementResponse s) {
    Csv csv =
        new Csv(
            "row",
            "date",
            "loan_id",
            "entry_kind",
            "principal",
            "interest",
            "penalties",
            "principal_eur",
            "interest_eur",
            "penalties_eur");
    balanceRow(csv, "OPENING", s.from(), s.opening());
    for (Movement m : s.movements()) {
      csv.row(
          "MOVEMENT",
          m.date(),
          m.loanId(),
          m.entryKind(),
          m.principal(),
          m.interest(),
          m.penalties(),
          Csv.euros(m.principal()),
          Csv.euros(m.interest()),
          Csv.euros(m.penalties()));
    }
    balanceRow(csv, "CLOSING", s.to(), s.closing());
    return csv.toString();
  }

  private static void balanceRow(Csv csv, String row, LocalDate day, Balances b) {
    csv.row(
        row,
        day,
        "",
        "",
        b.principal(),
        b.interest(),
        b.penalties(),
        Csv.euros(b.principal()),
        Csv.euros(b.interest()),
        Csv.euros(b.penalties()));
  }
}
