package dev.avance.workflows.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * The TARGET2 calendar, on which SEPA direct debits settle: every day is a business day except
 * Saturdays, Sundays, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December.
 */
public final class TargetCalendar {
  private TargetCalendar() {}

  /**
   * Easter Sunday of {@code year} in the Gregorian calendar, by the anonymous algorithm (Meeus,
   * <i>Astronomical Algorithms</i>; Butcher). Floor division and modulo keep it total over every
   * year a {@link LocalDate} holds, proleptically before 1583; the answer always falls between 22
   * March and 25 April.
   */
  public static LocalDate easterSunday(int year) {
    int a = Math.floorMod(year, 19);
    int b = Math.floorDiv(year, 100);
    int c = Math.floorMod(year, 100);
    int d = Math.floorDiv(b, 4);
    int e = Math.floorMod(b, 4);
    int f = Math.floorDiv(b + 8, 25);
    int g = Math.floorDiv(b - f + 1, 3);
    int h = Math.floorMod(19 * a + b - d - g + 15, 30);
    int i = c / 4;
    int k = c % 4;
    int l = Math.floorMod(32 + 2 * e + 2 * i - h - k, 7);
    int m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    return LocalDate.of(year, n / 31, n % 31 + 1);
  }

  /** True unless {@code date} is a TARGET2 closing day. */
  public static boolean isBusinessDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    DayOfWeek dayOfWeek = date.getDayOfWeek();
    if (dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY) {
      return false;
    }
    Month month = date.getMonth();
    int day = date.getDayOfMonth();
    if ((month == Month.JANUARY && day == 1)
        || (month == Month.MAY && day == 1)
        || (month == Month.DECEMBER && (day == 25 || day == 26))) {
      return false;
    }
    // Easter is never before 22 March nor after 25 April, so Good Friday and Easter Monday lie
    // in March or April: other months need no computus.
    if (month == Month.MARCH || month == Month.APRIL) {
      LocalDate easter = easterSunday(date.getYear());
      return !date.equals(easter.minusDays(2)) && !date.equals(easter.plusDays(1));
    }
    return true;
  }

  /** {@code date} itself when it is a business day, else the first business day after it. */
  public static LocalDate nextBusinessDayOnOrAfter(LocalDate date) {
    LocalDate day = Objects.requireNonNull(date, "date");
    while (!isBusinessDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * The {@code n}-th business day after {@code date}, {@code date} itself not counted (whether it
   * is a business day or not); {@code date} itself when {@code n} is 0.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static LocalDate addBusinessDays(LocalDate date, int n) {
    return step(date, n, 1);
  }

  /**
   * The {@code n}-th business day before {@code date}, {@code date} itself not counted (whether it
   * is a business day or not); {@code date} itself when {@code n} is 0.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static LocalDate minusBusinessDays(LocalDate date, int n) {
    return step(date, n, -1);
  }

  /**
   * The day a debit due on {@code dueDate} is collected: the due date rolled forward to a business
   * day.
   */
  public static LocalDate collectionDate(LocalDate dueDate) {
    return nextBusinessDayOnOrAfter(dueDate);
  }

  /**
   * The business day on which a direct debit due on {@code dueDate} must be sent to the bank so
   * that it is collected on {@link #collectionDate(LocalDate)}: {@code leadBusinessDays} business
   * days before the collection date, so that {@code addBusinessDays(instruction, lead)} is the
   * collection date.
   *
   * @throws IllegalArgumentException if {@code leadBusinessDays} is negative
   */
  public static LocalDate sddInstructionDate(LocalDate dueDate, int leadBusinessDays) {
    return minusBusinessDays(collectionDate(dueDate), leadBusinessDays);
  }

  private static LocalDate step(LocalDate date, int n, int direction) {
    Objects.requireNonNull(date, "date");
    if (n < 0) {
      throw new IllegalArgumentException("a number of business days is at least 0: " + n);
    }
    LocalDate day = date;
    int remaining = n;
    while (remaining > 0) {
      day = day.plusDays(direction);
      if (isBusinessDay(day)) {
        remaining--;
      }
    }
    return day;
  }
}
