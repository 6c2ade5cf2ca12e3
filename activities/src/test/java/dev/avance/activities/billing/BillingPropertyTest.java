package dev.avance.activities.billing;

import static dev.avance.activities.billing.BillingFixtures.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.CreditTestApplication;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.rules.Interest;
import dev.avance.workflows.rules.Interest.PrincipalChange;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Properties of the bulk accrual over random loans, on a real PostgreSQL: random amounts, partial
 * repayments (some on the payout day, some of 0 applied cents), payouts and repayments near Paris
 * midnight, on month ends and on the daylight-saving changes (last Sunday of March and October),
 * billed month after month by the schedule and now and then early, mid-month. The oracle is {@code
 * Interest.accrued} over the timeline built here in Java from the same instants.
 *
 * <p>For every loan: its lines add up to its total exact interest, and their cents to that total
 * rounded once; no line is negative; each line charges exactly the interest of its days; a loan
 * repaid on its payout day costs one day. Each seed is a fresh database of loans, so a failure
 * names the seed that reproduces it.
 */
@SpringBootTest(
    classes = CreditTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BillingPropertyTest {
  static final EmbeddedPostgres PG = BillingActivitiesTest.startPostgres();
  private static final int LOANS_PER_SEED = 120;
  private static final YearMonth FIRST = YearMonth.of(2026, 1);
  private static final YearMonth LAST = YearMonth.of(2027, 2);

  /** Days where Paris clocks or months change, and their neighbours. */
  private static final List<LocalDate> EDGES = edges();

  @Autowired BillingActivities billing;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PG.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    PG.close();
  }

  private static List<LocalDate> edges() {
    List<LocalDate> days = new ArrayList<>();
    for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
      days.add(m.atDay(1));
      days.add(m.atEndOfMonth());
    }
    for (LocalDate dst : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25))) {
      days.add(dst.minusDays(1));
      days.add(dst);
      days.add(dst.plusDays(1));
    }
    return days;
  }

  /** A repayment as applied: its instant and the cents it took off the principal. */
  record Repayment(Instant at, long cents) {}

  record Loan(String id, long amount, Instant paidAt, List<Repayment> repayments) {}

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 20261025L, 20260329L, 424242L, 9001L})
  void billsAddUpToEachLoansInterestRoundedOnce(long seed) {
    Random random = new Random(seed);
    BillingFixtures f = new BillingFixtures(jdbc);
    f.reset();
    f.platform("plat", "AUTO");
    f.borrower("b-sdd", "plat");
    f.borrower("b-sct", "plat");
    List<Loan> loans = new ArrayList<>(fixedLoans());
    for (int i = 0; i < LOANS_PER_SEED; i++) {
      loans.add(randomLoan(random, "loan-" + seed + "-" + i));
    }
    for (Loan loan : loans) {
      boolean sdd = random.nextBoolean();
      f.loan(
          loan.id(),
          "plat",
          sdd ? "b-sdd" : "b-sct",
          loan.amount(),
          loan.paidAt(),
          sdd ? "DIRECT_DEBIT" : "SCT");
      long rest = loan.amount();
      int k = 0;
      for (Repayment r : loan.repayments()) {
        rest -= r.cents();
        f.repay(loan.id(), "r-" + k++, r.cents(), r.at(), rest, sdd ? "TO_REPAY_FEES" : "CLOSED");
      }
    }

    // Month after month, as the schedule would; now and then an operator bills a period early.
    for (YearMonth period = FIRST; !period.isAfter(LAST); period = period.plusMonths(1)) {
      // Not the last one: the days after an early run are caught up by the next period's bill.
      if (period.isBefore(LAST) && random.nextInt(4) == 0) {
        LocalDate early = period.atDay(1 + random.nextInt(period.lengthOfMonth()));
        billing.generate(
            new GenerateBills(period, randomInstantOn(random, early), random.nextInt(4)));
      }
      billing.generate(
          new GenerateBills(period, BillingFixtures.paris(period.plusMonths(1).atDay(1), 6, 0), 3));
    }

    Map<String, List<LineRow>> lines = lines();
    LocalDate end = LAST.plusMonths(1).atDay(1);
    int repaidOnPayoutDay = 0;
    for (Loan loan : loans) {
      List<PrincipalChange> timeline = timeline(loan);
      LocalDate payoutDay = LocalDate.ofInstant(loan.paidAt(), PARIS);
      BigDecimal total = Interest.accrued(timeline, payoutDay, end);
      List<LineRow> mine = lines.getOrDefault(loan.id(), List.of());
      String what = "seed " + seed + ", " + loan + ", lines " + mine;

      assertThat(mine).as(what).isNotEmpty();
      assertThat(mine.stream().mapToLong(LineRow::billed).sum())
          .as(what)
          .isEqualTo(Interest.roundToCents(total));
      assertThat(mine.stream().map(LineRow::exact).reduce(BigDecimal.ZERO, BigDecimal::add))
          .as(what)
          .isEqualByComparingTo(total);
      BigDecimal before = BigDecimal.ZERO;
      LocalDate from = payoutDay;
      for (LineRow line : mine) {
        assertThat(line.billed()).as(what).isNotNegative();
        assertThat(line.exact().signum()).as(what).isNotNegative();
        // Contiguous, exact and rounded as running totals.
        assertThat(line.from()).as(what).isEqualTo(from);
        assertThat(line.exact())
            .as(what + " " + line)
            .isEqualByComparingTo(Interest.accrued(timeline, line.from(), line.to()));
        assertThat(line.billed())
            .as(what)
            .isEqualTo(Interest.centsToBill(before, before.add(line.exact())));
        before = before.add(line.exact());
        from = line.to();
      }
      if (loan.id().equals("guide")) {
        assertThat(mine.stream().mapToLong(LineRow::billed).sum()).as(what).isEqualTo(750);
      }
      if (loan.id().equals("month-end-midnight")) {
        // 31 May to 30 June inclusive: 31 days, the payout's last second counting as a day.
        assertThat(mine.stream().mapToInt(LineRow::days).sum()).as(what).isEqualTo(31);
      }
      if (repaidOnPayoutDay(loan)) {
        assertThat(mine.stream().mapToInt(LineRow::days).sum()).as(what).isEqualTo(1);
        assertThat(total).as(what).isEqualByComparingTo(Interest.accrued(loan.amount(), 1));
        repaidOnPayoutDay++;
      }
      if (fullyRepaid(loan) && lastRepaymentDay(loan).isBefore(end)) {
        // Nothing is left to bill: the loan is billed out, and out of the next runs.
        assertThat(mine.get(mine.size() - 1).fullyBilled()).as(what).isTrue();
      }
    }
    assertThat(repaidOnPayoutDay).as("loans repaid on their payout day").isGreaterThanOrEqualTo(2);
  }

  /** Loans every seed has: the guide's example and payout-day repayments on the DST changes. */
  private static List<Loan> fixedLoans() {
    Instant springBeforeGap = Instant.parse("2026-03-29T00:30:00Z"); // 01:30 CET
    Instant springAfterGap = Instant.parse("2026-03-29T01:30:00Z"); // 03:30 CEST
    Instant autumnFirst = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST
    Instant autumnSecond = Instant.parse("2026-10-25T01:15:00Z"); // 02:15 CET, later
    return List.of(
        new Loan(
            "guide",
            50_000,
            BillingFixtures.paris(LocalDate.of(2026, 4, 20), 9, 0),
            List.of(new Repayment(BillingFixtures.paris(LocalDate.of(2026, 5, 20), 9, 0), 50_000))),
        new Loan(
            "spring-same-day",
            1_234_567,
            springBeforeGap,
            List.of(new Repayment(springAfterGap, 1_234_567))),
        new Loan(
            "autumn-same-day",
            999,
            autumnFirst,
            List.of(new Repayment(autumnSecond, 500), new Repayment(autumnSecond, 499))),
        new Loan(
            "month-end-midnight",
            77_777,
            Instant.parse("2026-05-31T21:59:59Z"), // 23:59:59 CEST, 31 May
            List.of(new Repayment(Instant.parse("2026-06-30T22:00:00Z"), 77_777)))); // 1 July
  }

  /**
   * The timeline the bills must follow: the whole amount from the payout day (Paris), each
   * repayment lowering it from its own Paris day, but never before the day after the payout: the
   * payout day is charged on the whole amount, which is the one-day minimum.
   */
  private static List<PrincipalChange> timeline(Loan loan) {
    LocalDate payoutDay = LocalDate.ofInstant(loan.paidAt(), PARIS);
    List<PrincipalChange> changes = new ArrayList<>();
    changes.add(new PrincipalChange(payoutDay, loan.amount()));
    long principal = loan.amount();
    for (Repayment r : loan.repayments()) {
      principal -= r.cents();
      LocalDate day = LocalDate.ofInstant(r.at(), PARIS);
      changes.add(
          new PrincipalChange(day.isAfter(payoutDay) ? day : payoutDay.plusDays(1), principal));
    }
    return changes;
  }

  private static boolean repaidOnPayoutDay(Loan loan) {
    LocalDate payoutDay = LocalDate.ofInstant(loan.paidAt(), PARIS);
    return fullyRepaid(loan)
        && !loan.repayments().isEmpty()
        && loan.repayments().stream()
            .allMatch(r -> LocalDate.ofInstant(r.at(), PARIS).equals(payoutDay));
  }

  private static LocalDate lastRepaymentDay(Loan loan) {
    return LocalDate.ofInstant(loan.repayments().get(loan.repayments().size() - 1).at(), PARIS);
  }

  private static boolean fullyRepaid(Loan loan) {
    return !loan.repayments().isEmpty()
        && loan.repayments().stream().mapToLong(Repayment::cents).sum() == loan.amount();
  }

  private static Loan randomLoan(Random random, String id) {
    long amount =
        switch (random.nextInt(4)) {
          case 0 -> 1 + random.nextInt(100); // a few cents: rounding at its edge
          case 1 -> 1 + random.nextInt(20_000_000); // up to the per-loan cap
          default -> 100 * (1 + random.nextInt(50_000)); // whole euros
        };
    LocalDate payoutDay =
        random.nextInt(3) == 0
            ? EDGES.get(random.nextInt(EDGES.size()))
            : FIRST.atDay(1).plusDays(random.nextInt(365));
    if (payoutDay.isAfter(LAST.atEndOfMonth())) {
      payoutDay = LAST.atEndOfMonth();
    }
    Instant paidAt = randomInstantOn(random, payoutDay);
    List<Repayment> repayments = new ArrayList<>();
    long outstanding = amount;
    Instant last = paidAt;
    int count = random.nextInt(5);
    for (int i = 0; i < count && outstanding > 0; i++) {
      Instant at;
      if (i == 0 && random.nextInt(4) == 0) {
        // Same Paris day as the payout (or as late in it as possible).
        at = last.plus(Duration.ofMinutes(random.nextInt(60)));
        if (!LocalDate.ofInstant(at, PARIS).equals(payoutDay)) {
          at = last;
        }
      } else {
        LocalDate day =
            LocalDate.ofInstant(last, PARIS)
                .plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(130));
        at = randomInstantOn(random, day);
        if (at.isBefore(last)) {
          at = last;
        }
      }
      boolean repaysAll = i == count - 1 && random.nextInt(10) < 7;
      long cents =
          repaysAll
              ? outstanding
              : random.nextInt(8) == 0 ? 0 : 1 + (long) (random.nextDouble() * outstanding);
      cents = Math.min(cents, outstanding);
      repayments.add(new Repayment(at, cents));
      outstanding -= cents;
      last = at;
    }
    return new Loan(id, amount, paidAt, repayments);
  }

  /** An instant on that Paris day, often close to midnight or in the hours the clocks change. */
  private static Instant randomInstantOn(Random random, LocalDate day) {
    LocalTime time =
        switch (random.nextInt(6)) {
          case 0 -> LocalTime.of(0, 0, random.nextInt(60));
          case 1 -> LocalTime.of(23, 59, random.nextInt(60));
          case 2 -> LocalTime.of(2, random.nextInt(60)); // missing in March, twice in October
          case 3 -> LocalTime.of(1, random.nextInt(60));
          default -> LocalTime.ofSecondOfDay(random.nextInt(86_400));
        };
    Instant at = day.atTime(time).atZone(PARIS).toInstant();
    // A time in the spring gap moves to the next hour, still on the same day.
    return LocalDate.ofInstant(at, PARIS).equals(day)
        ? at
        : day.atStartOfDay(PARIS).toInstant().plus(1, ChronoUnit.HOURS);
  }

  record LineRow(
      String loanId,
      LocalDate from,
      LocalDate to,
      int days,
      BigDecimal exact,
      long billed,
      boolean fullyBilled) {}

  private Map<String, List<LineRow>> lines() {
    Map<String, List<LineRow>> byLoan = new HashMap<>();
    jdbc.sql(
            """
            select loan_id, accrued_from, accrued_to, days, interest_exact, billed_cents,
                fully_billed
            from bill_lines order by loan_id, period
            """)
        .query(
            (rs, n) ->
                new LineRow(
                    rs.getString("loan_id"),
                    rs.getObject("accrued_from", LocalDate.class),
                    rs.getObject("accrued_to", LocalDate.class),
                    rs.getInt("days"),
                    rs.getBigDecimal("interest_exact"),
                    rs.getLong("billed_cents"),
                    rs.getBoolean("fully_billed")))
        .list()
        .forEach(l -> byLoan.computeIfAbsent(l.loanId(), k -> new ArrayList<>()).add(l));
    return byLoan;
  }
}
