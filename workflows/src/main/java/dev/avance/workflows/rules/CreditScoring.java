package dev.avance.workflows.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The credit line a borrower gets: deterministic, in whole cents, each step explained.
 *
 * <ol>
 *   <li><b>Base</b>: 10 % of the annual revenue.
 *   <li><b>Company age</b> on {@code today}: under 2 years ×50 %; from 2 to 5 years (both included)
 *       ×100 %; over 5 years ×120 %.
 *   <li><b>Data</b>: +10 % of the base if a sales history was provided; +20 % of the base if
 *       accounting data was provided (the base of step 1, whatever the age).
 *   <li><b>History on Avance</b>: +5 % per repayment made on time, at most +50 %; −25 % per late
 *       repayment, at most −100 %. The two add up to one percentage, from −100 % to +50 %, applied
 *       to the amount of step 3.
 *   <li><b>Currently late</b> on a repayment: 0.
 *   <li><b>Cap</b>: at most the line cap, at least 0.
 *   <li><b>Rounding</b>: down to whole thousands of euros (a multiple of 100,000 cents).
 * </ol>
 *
 * <p>Each step rounds down to the cent; only the last step's rounding is visible.
 */
public final class CreditScoring {
  /** The largest single loan, whatever the line: €200,000. */
  public static final long PER_LOAN_CAP_CENTS = 20_000_000L;

  /** The line cap when the platform's contract sets none: €500,000. */
  public static final long DEFAULT_LINE_CAP_CENTS = 50_000_000L;

  /** Lines are granted in whole thousands of euros. */
  public static final long ROUNDING_CENTS = 100_000L;

  static final int BASE_PERCENT = 10;
  static final int YOUNG_PERCENT = 50;
  static final int ESTABLISHED_PERCENT = 100;
  static final int MATURE_PERCENT = 120;
  static final int SALES_HISTORY_PERCENT = 10;
  static final int ACCOUNTING_DATA_PERCENT = 20;
  static final int ON_TIME_PERCENT = 5;
  static final int MAX_ON_TIME_PERCENT = 50;
  static final int LATE_PERCENT = 25;
  static final int MAX_LATE_PERCENT = 100;

  private CreditScoring() {}

  /**
   * Scores {@code input}.
   *
   * @throws IllegalArgumentException if an amount or a count is negative
   * @throws NullPointerException if a date is missing
   */
  public static CreditScore score(ScoringInput input) {
    Objects.requireNonNull(input, "input");
    LocalDate createdOn = Objects.requireNonNull(input.createdOn(), "createdOn");
    LocalDate today = Objects.requireNonNull(input.today(), "today");
    requireNonNegative(input.annualRevenueCents(), "annualRevenueCents");
    requireNonNegative(input.onTimeRepayments(), "onTimeRepayments");
    requireNonNegative(input.lateRepayments(), "lateRepayments");
    requireNonNegative(input.lineCapCents(), "lineCapCents");

    List<String> factors = new ArrayList<>();

    long base = percent(input.annualRevenueCents(), BASE_PERCENT);
    factors.add(
        "base: "
            + BASE_PERCENT
            + " % of annual revenue "
            + euros(input.annualRevenueCents())
            + " = "
            + euros(base));

    int agePercent = agePercent(createdOn, today);
    long amount = percent(base, agePercent);
    factors.add(
        "company age "
            + ageInWords(createdOn, today)
            + " ("
            + ageBracket(agePercent)
            + "): ×"
            + agePercent
            + " % = "
            + euros(amount));

    if (input.salesHistoryProvided()) {
      long bonus = percent(base, SALES_HISTORY_PERCENT);
      amount += bonus;
      factors.add(
          "sales history provided: +"
              + SALES_HISTORY_PERCENT
              + " % of base = +"
              + euros(bonus)
              + " → "
              + euros(amount));
    } else {
      factors.add("no sales history provided: +0");
    }
    if (input.accountingDataProvided()) {
      long bonus = percent(base, ACCOUNTING_DATA_PERCENT);
      amount += bonus;
      factors.add(
          "accounting data provided: +"
              + ACCOUNTING_DATA_PERCENT
              + " % of base = +"
              + euros(bonus)
              + " → "
              + euros(amount));
    } else {
      factors.add("no accounting data provided: +0");
    }

    // Counted before multiplying, so that a huge count cannot overflow past the bound.
    int onTimePercent =
        Math.min(input.onTimeRepayments(), MAX_ON_TIME_PERCENT / ON_TIME_PERCENT) * ON_TIME_PERCENT;
    int latePercent =
        Math.min(input.lateRepayments(), MAX_LATE_PERCENT / LATE_PERCENT) * LATE_PERCENT;
    int historyPercent = onTimePercent - latePercent;
    amount = percent(amount, 100 + historyPercent);
    factors.add(
        "history on Avance: "
            + count(input.onTimeRepayments(), "on-time repayment")
            + " +"
            + onTimePercent
            + " %, "
            + count(input.lateRepayments(), "late repayment")
            + " −"
            + latePercent
            + " %: "
            + (historyPercent >= 0 ? "+" : "−")
            + Math.abs(historyPercent)
            + " % = "
            + euros(amount));

    if (input.currentlyLate()) {
      amount = 0;
      factors.add("currently late on a repayment: 0");
    } else {
      factors.add("no repayment currently late");
    }

    if (amount > input.lineCapCents()) {
      amount = input.lineCapCents();
      factors.add("capped at the line cap of " + euros(input.lineCapCents()));
    } else {
      factors.add("within the line cap of " + euros(input.lineCapCents()));
    }
    amount = Math.max(0, amount);

    long rounded = amount - amount % ROUNDING_CENTS;
    factors.add("rounded down to whole thousands of euros: " + euros(rounded));
    return new CreditScore(rounded, factors);
  }

  static int agePercent(LocalDate createdOn, LocalDate today) {
    if (today.isBefore(createdOn.plusYears(2))) {
      return YOUNG_PERCENT;
    }
    if (today.isAfter(createdOn.plusYears(5))) {
      return MATURE_PERCENT;
    }
    return ESTABLISHED_PERCENT;
  }

  private static String ageBracket(int agePercent) {
    return switch (agePercent) {
      case YOUNG_PERCENT -> "under 2 years";
      case MATURE_PERCENT -> "over 5 years";
      default -> "2 to 5 years";
    };
  }

  private static String ageInWords(LocalDate createdOn, LocalDate today) {
    if (today.isBefore(createdOn)) {
      return "not yet created";
    }
    Period age = Period.between(createdOn, today);
    return count(age.getYears(), "year") + " " + count(age.getMonths(), "month");
  }

  /** {@code amount × percent / 100}, rounded down; fails rather than wraps past €700 trillion. */
  private static long percent(long amountCents, int percent) {
    return Math.multiplyExact(amountCents, percent) / 100;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Formats cents as euros, independently of the JVM's locale so that factors are stable. */
  static String euros(long cents) {
    return String.format(Locale.ROOT, "€%,d.%02d", cents / 100, cents % 100);
  }

  private static void requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
