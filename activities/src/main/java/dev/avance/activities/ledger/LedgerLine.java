package dev.avance.activities.ledger;

/** One line of an entry: signed cents, a debit positive and a credit negative. */
public record LedgerLine(String account, long amountCents) {
  public static LedgerLine debit(String account, long cents) {
    return new LedgerLine(account, cents);
  }

  public static LedgerLine credit(String account, long cents) {
    return new LedgerLine(account, -cents);
  }

  public String side() {
    return amountCents > 0 ? "DEBIT" : "CREDIT";
  }
}
