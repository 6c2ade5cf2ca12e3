package dev.avance.workflows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetCalendarTest {
  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** Business days d with {@code after < d <= upTo}, counted day by day. */
  private static int businessDaysIn(LocalDate after, LocalDate upTo) {
    int count = 0;
    for (LocalDate d = after.plusDays(1); !d.isAfter(upTo); d = d.plusDays(1)) {
      if (TargetCalendar.isBusinessDay(d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Easter by Knuth's algorithm E (TAOCP 1.3.2, exercise 14), a computus independent of the
   * anonymous algorithm under test: golden number, century corrections, epact, full moon.
   */
  private static LocalDate knuthEaster(int year) {
    int golden = year % 19 + 1;
    int century = year / 100 + 1;
    int skippedLeapDays = 3 * century / 4 - 12;
    int moonCorrection = (8 * century + 5) / 25 - 5;
    int sunday = 5 * year / 4 - skippedLeapDays - 10;
    int epact = (11 * golden + 20 + moonCorrection - skippedLeapDays) % 30;
    if (epact < 0) {
      epact += 30;
    }
    if ((epact == 25 && golden > 11) || epact == 24) {
      epact++;
    }
    int fullMoon = 44 - epact;
    if (fullMoon < 21) {
      fullMoon += 30;
    }
    fullMoon = fullMoon + 7 - (sunday + fullMoon) % 7;
    return fullMoon > 31
        ? LocalDate.of(year, Month.APRIL, fullMoon - 31)
        : LocalDate.of(year, Month.MARCH, fullMoon);
  }

  @ParameterizedTest
  @CsvSource({
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    // The extremes: 22 March (1818, 2285) and 25 April (1943), and a few well-known years.
    "1818, 1818-03-22",
    "2285, 2285-03-22",
    "1943, 1943-04-25",
    "1991, 1991-03-31",
    "2000, 2000-04-23",
    "2008, 2008-03-23",
    "2011, 2011-04-24",
    "2019, 2019-04-21",
  })
  void easterSunday(int year, LocalDate expected) {
    assertThat(TargetCalendar.easterSunday(year)).isEqualTo(expected);
  }

  @Test
  void easterAgreesWithKnuthsComputusOverTheWholeGregorianTable() {
    for (int year = 1583; year <= 4099; year++) {
      assertThat(TargetCalendar.easterSunday(year)).as("%d", year).isEqualTo(knuthEaster(year));
    }
  }

  @Test
  void easterIsASundayFrom22MarchTo25AprilForAnyYear() {
    for (int year = -3000; year <= 10_000; year++) {
      LocalDate easter = TargetCalendar.easterSunday(year);
      assertThat(easter.getYear()).isEqualTo(year);
      assertThat(easter.getDayOfWeek()).as("%s", easter).isEqualTo(DayOfWeek.SUNDAY);
      assertThat(easter)
          .isBetween(LocalDate.of(year, Month.MARCH, 22), LocalDate.of(year, Month.APRIL, 25));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-01", // Thursday
        "2026-04-03", // Good Friday
        "2026-04-06", // Easter Monday
        "2026-05-01", // Friday
        "2026-12-25", // Friday
        "2026-12-26", // Saturday
        "2027-03-26", // Good Friday
        "2027-03-29", // Easter Monday
        "2024-03-29", // Good Friday
        "2024-04-01", // Easter Monday: Easter Sunday was 31 March
        "2038-04-23", // Good Friday of the latest possible Easter
        "2038-04-26", // Easter Monday of the latest possible Easter
        "2026-04-04", // Holy Saturday, a weekend day anyway
        "2026-04-05", // Easter Sunday
        "2026-03-07", // an ordinary Saturday
        "2026-03-08", // an ordinary Sunday
      })
  void closingDays(String day) {
    assertThat(TargetCalendar.isBusinessDay(date(day))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-24", // Christmas Eve
        "2026-12-31", // New Year's Eve
        "2026-01-02",
        "2026-04-02", // Maundy Thursday
        "2026-04-07", // the Tuesday after Easter Monday
        "2026-04-30",
        "2026-05-04",
        "2026-05-08", // a French public holiday, yet TARGET2 is open
        "2026-05-14", // Ascension Day: open on TARGET2
        "2026-05-25", // Whit Monday: open on TARGET2
        "2026-07-14", // Bastille Day: open on TARGET2
        "2026-08-15", // Assumption, a Saturday in 2026: closed only as a weekend day
        "2025-08-15", // Assumption, a Friday: open on TARGET2
        "2026-11-11", // Armistice Day: open on TARGET2
        "2026-12-28",
      })
  void businessDays(String day) {
    LocalDate date = date(day);
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    assertThat(TargetCalendar.isBusinessDay(date)).isEqualTo(!weekend);
  }

  @Test
  void the2026CalendarHasExactlyTheFiveWeekdayClosings() {
    List<LocalDate> weekdayClosings = new ArrayList<>();
    int businessDays = 0;
    for (LocalDate d = date("2026-01-01"); d.getYear() == 2026; d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (TargetCalendar.isBusinessDay(d)) {
        businessDays++;
        assertThat(weekend).as("%s", d).isFalse();
      } else if (!weekend) {
        weekdayClosings.add(d);
      }
    }
    // 26 December 2026 is a Saturday; 365 days - 104 weekend days - 5 weekday closings.
    assertThat(weekdayClosings)
        .containsExactly(
            date("2026-01-01"),
            date("2026-04-03"),
            date("2026-04-06"),
            date("2026-05-01"),
            date("2026-12-25"));
    assertThat(businessDays).isEqualTo(256);
  }

  @Test
  void nextBusinessDayOnOrAfter() {
    assertThat(TargetCalendar.nextBusinessDayOnOrAfter(date("2026-12-24")))
        .isEqualTo(date("2026-12-24"));
    assertThat(TargetCalendar.nextBusinessDayOnOrAfter(date("2026-12-25")))
        .isEqualTo(date("2026-12-28"));
    assertThat(TargetCalendar.nextBusinessDayOnOrAfter(date("2026-04-03")))
        .isEqualTo(date("2026-04-07"));
    assertThat(TargetCalendar.nextBusinessDayOnOrAfter(date("2026-03-07")))
        .isEqualTo(date("2026-03-09"));
  }

  @Test
  void addBusinessDaysDoesNotCountTheStartingDay() {
    assertThat(TargetCalendar.addBusinessDays(date("2026-04-02"), 0)).isEqualTo(date("2026-04-02"));
    assertThat(TargetCalendar.addBusinessDays(date("2026-04-02"), 1)).isEqualTo(date("2026-04-07"));
    assertThat(TargetCalendar.addBusinessDays(date("2026-04-02"), 3)).isEqualTo(date("2026-04-09"));
    // From a closing day, the first business day after it is the first one counted.
    assertThat(TargetCalendar.addBusinessDays(date("2026-04-03"), 1)).isEqualTo(date("2026-04-07"));
    assertThat(TargetCalendar.addBusinessDays(date("2026-04-03"), 0)).isEqualTo(date("2026-04-03"));
    assertThat(TargetCalendar.addBusinessDays(date("2026-12-23"), 2)).isEqualTo(date("2026-12-28"));
    // Across the year end: 31 Dec (Thu), then 1 Jan is closed, 4 Jan (Mon).
    assertThat(TargetCalendar.addBusinessDays(date("2026-12-30"), 2)).isEqualTo(date("2027-01-04"));
  }

  @Test
  void minusBusinessDaysDoesNotCountTheStartingDay() {
    assertThat(TargetCalendar.minusBusinessDays(date("2026-04-07"), 0))
        .isEqualTo(date("2026-04-07"));
    assertThat(TargetCalendar.minusBusinessDays(date("2026-04-07"), 1))
        .isEqualTo(date("2026-04-02"));
    assertThat(TargetCalendar.minusBusinessDays(date("2026-04-06"), 1))
        .isEqualTo(date("2026-04-02"));
    assertThat(TargetCalendar.minusBusinessDays(date("2027-01-04"), 1))
        .isEqualTo(date("2026-12-31"));
    assertThat(TargetCalendar.minusBusinessDays(date("2026-12-28"), 1))
        .isEqualTo(date("2026-12-24"));
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> TargetCalendar.addBusinessDays(date("2026-04-02"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TargetCalendar.minusBusinessDays(date("2026-04-02"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TargetCalendar.sddInstructionDate(date("2026-04-02"), -3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullDatesAreRefused() {
    assertThatThrownBy(() -> TargetCalendar.isBusinessDay(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TargetCalendar.addBusinessDays(null, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TargetCalendar.collectionDate(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aDebitDueOnGoodFriday2026() {
    LocalDate dueDate = date("2026-04-03");

    LocalDate collection = TargetCalendar.collectionDate(dueDate);
    LocalDate instruction = TargetCalendar.sddInstructionDate(dueDate, 3);

    // Friday closed, weekend, Easter Monday closed: Tuesday.
    assertThat(collection).isEqualTo(date("2026-04-07")).matches(TargetCalendar::isBusinessDay);
    assertThat(collection.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    // Three business days back from Tuesday 7: Thu 2, Wed 1, Tue 31 March.
    assertThat(instruction).isEqualTo(date("2026-03-31"));
    assertThat(instruction.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    assertThat(businessDaysIn(instruction, collection)).isEqualTo(3);
  }

  @Test
  void aDebitDueOnChristmas2026() {
    assertThat(TargetCalendar.collectionDate(date("2026-12-25"))).isEqualTo(date("2026-12-28"));
    assertThat(TargetCalendar.collectionDate(date("2026-12-26"))).isEqualTo(date("2026-12-28"));
    assertThat(TargetCalendar.collectionDate(date("2026-12-24"))).isEqualTo(date("2026-12-24"));
    // Three business days before Monday 28: Thu 24, Wed 23, Tue 22.
    assertThat(TargetCalendar.sddInstructionDate(date("2026-12-25"), 3))
        .isEqualTo(date("2026-12-22"));
  }

  @Test
  void aDebitDueOnNewYearsDay2027() {
    LocalDate dueDate = date("2027-01-01");

    LocalDate collection = TargetCalendar.collectionDate(dueDate);
    LocalDate instruction = TargetCalendar.sddInstructionDate(dueDate, 3);

    assertThat(dueDate.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(collection).isEqualTo(date("2027-01-04"));
    // Back from Monday 4 January: Thu 31, Wed 30, Tue 29 December; the closed 1 January and the
    // weekend are skipped, and 25/26 December lie further back than needed.
    assertThat(instruction).isEqualTo(date("2026-12-29"));
    assertThat(businessDaysIn(instruction, collection)).isEqualTo(3);
    // With a lead of 5 the count crosses 25 December (Fri) and the weekend: Mon 28, Thu 24.
    assertThat(TargetCalendar.sddInstructionDate(dueDate, 5)).isEqualTo(date("2026-12-24"));
    assertThat(TargetCalendar.sddInstructionDate(dueDate, 6)).isEqualTo(date("2026-12-23"));
  }

  @Test
  void aLeadOfZeroInstructsOnTheCollectionDate() {
    assertThat(TargetCalendar.sddInstructionDate(date("2026-04-03"), 0))
        .isEqualTo(date("2026-04-07"));
    assertThat(TargetCalendar.sddInstructionDate(date("2026-04-02"), 0))
        .isEqualTo(date("2026-04-02"));
  }

  /**
   * For every due date from 2020 to 2040 and every lead from 0 to 5:
   *
   * <ul>
   *   <li>the collection date is a business day, on or after the due date, with no business day
   *       from the due date (inclusive) to it (exclusive): the first possible one;
   *   <li>the instruction date is a business day, and exactly {@code lead} business days d satisfy
   *       {@code instruction < d <= collection}: the collection date is the lead-th business day
   *       after the instruction, that is {@code lead - 1} business days lie strictly between them;
   *   <li>moving {@code lead} business days forward from the instruction date gives the collection
   *       date back.
   * </ul>
   */
  @Test
  void everyDueDateFrom2020To2040() {
    int checked = 0;
    for (LocalDate due = date("2020-01-01"); due.getYear() <= 2040; due = due.plusDays(1)) {
      LocalDate collection = TargetCalendar.collectionDate(due);
      assertThat(TargetCalendar.isBusinessDay(collection)).as("%s", due).isTrue();
      assertThat(collection).isAfterOrEqualTo(due);
      assertThat(businessDaysIn(due.minusDays(1), collection.minusDays(1))).as("%s", due).isZero();
      // Four closing days in a row (Good Friday to Easter Monday) is the longest run.
      assertThat(collection).isBeforeOrEqualTo(due.plusDays(4));

      for (int lead = 0; lead <= 5; lead++) {
        LocalDate instruction = TargetCalendar.sddInstructionDate(due, lead);
        assertThat(TargetCalendar.isBusinessDay(instruction)).as("%s lead %d", due, lead).isTrue();
        assertThat(instruction).isBeforeOrEqualTo(collection);
        assertThat(businessDaysIn(instruction, collection))
            .as("%s lead %d", due, lead)
            .isEqualTo(lead);
        assertThat(TargetCalendar.addBusinessDays(instruction, lead)).isEqualTo(collection);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(6 * 7671);
  }

  @Test
  void addAndMinusAreInversesOnBusinessDays() {
    for (LocalDate d = date("2025-01-01"); d.getYear() <= 2028; d = d.plusDays(1)) {
      for (int n = 0; n <= 10; n++) {
        LocalDate later = TargetCalendar.addBusinessDays(d, n);
        LocalDate earlier = TargetCalendar.minusBusinessDays(d, n);
        assertThat(businessDaysIn(d, later)).isEqualTo(n);
        // Exactly n business days from the earlier date (inclusive) to d (exclusive).
        assertThat(businessDaysIn(earlier.minusDays(1), d.minusDays(1))).isEqualTo(n);
        if (n > 0) {
          assertThat(TargetCalendar.isBusinessDay(later)).isTrue();
          assertThat(TargetCalendar.isBusinessDay(earlier)).isTrue();
        }
        if (TargetCalendar.isBusinessDay(d)) {
          assertThat(TargetCalendar.minusBusinessDays(later, n)).as("%s %d", d, n).isEqualTo(d);
          assertThat(TargetCalendar.addBusinessDays(earlier, n)).as("%s %d", d, n).isEqualTo(d);
        }
      }
    }
  }
}
