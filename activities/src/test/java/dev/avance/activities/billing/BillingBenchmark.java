package dev.avance.activities.billing;

import dev.avance.activities.ledger.Ledger;
import dev.avance.activities.ledger.LedgerFacts;
import dev.avance.activities.loan.LoanFeesNotifier;
import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.BillsGenerated;
import dev.avance.workflows.billing.GenerateBills;
import dev.avance.workflows.billing.IssueBills;
import dev.avance.workflows.billing.IssuedBills;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Bills one month of 100,000 paid-out loans with random partial repayments on an embedded
 * PostgreSQL and prints how long it takes. Not a test: run it with {@code ./mvnw -B -q -pl
 * activities -am -Pbenchmark -DskipTests test} (README, Benchmarks). Arguments: the number of loans
 * (default 100000).
 *
 * <p>The activity is the Spring bean behind its {@code @Transactional} proxy, as in production. The
 * data: 2,000 borrowers of one platform, loans paid out between 1 August and 30 November 2026 (half
 * by direct debit), each with 0 to 3 repayments, about a third of them repaid in full before
 * December; the period billed is November 2026, as the schedule would on 1 December.
 */
public final class BillingBenchmark {
  private static final YearMonth PERIOD = YearMonth.of(2026, 11);

  private BillingBenchmark() {}

  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement
  @Import({
    BillRepository.class,
    BillingActivitiesImpl.class,
    Ledger.class,
    LedgerFacts.class,
    LoanFeesNotifier.class
  })
  static class Context {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
      return JdbcClient.create(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new JdbcTransactionManager(dataSource);
    }
  }

  public static void main(String[] args) throws Exception {
    int loans = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
      DataSource dataSource = pg.getPostgresDatabase();
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      JdbcClient jdbc = JdbcClient.create(dataSource);
      long t0 = System.nanoTime();
      insert(jdbc, loans);
      System.out.printf(
          "Inserted %,d paid-out loans and %,d repayments in %.1f s%n",
          count(jdbc, "loans"), count(jdbc, "credit_repayments"), seconds(t0));

      try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(Context.class);
        context.refresh();
        BillingActivities billing = context.getBean(BillingActivities.class);
        Instant at =
            LocalDate.of(2026, 12, 1).atTime(6, 0).atZone(BillingFixtures.PARIS).toInstant();

        long start = System.nanoTime();
        BillsGenerated generated = billing.generate(new GenerateBills(PERIOD, at, 3));
        double generate = seconds(start);
        System.out.printf(
            "Billed %s: %,d loans on %,d bills (%,d cents) in %.2f s%n",
            PERIOD, generated.lines(), generated.bills(), generated.billedCents(), generate);

        start = System.nanoTime();
        BillsGenerated again = billing.generate(new GenerateBills(PERIOD, at, 3));
        System.out.printf(
            "Billed %s again: %d new lines in %.2f s (idempotent)%n",
            PERIOD, again.lines(), seconds(start));

        start = System.nanoTime();
        int issued = 0;
        int debits = 0;
        String cursor = null;
        IssuedBills page;
        do {
          page = billing.issue(new IssueBills(PERIOD, cursor, 100, at));
          issued += page.issued();
          debits += page.debits().size();
          cursor = page.lastBillId();
        } while (page.more());
        System.out.printf(
            "Issued %,d bills (%,d direct debits to instruct) in %.2f s%n",
            issued, debits, seconds(start));
        System.out.printf("RESULT: %,d loans billed in %.2f s%n", generated.lines(), generate);
      }
    }
  }

  /** A number in [0, 1) drawn from {@code seed}: the same data on every run, in any session. */
  private static String draw(String seed) {
    return "(('x' || substr(md5(" + seed + "), 1, 8))::bit(32)::bigint / 4294967296.0)";
  }

  /** Set-based inserts of deterministic pseudo-random data. */
  private static void insert(JdbcClient jdbc, int loans) {
    jdbc.sql("insert into platforms (id, name) values ('bench', 'Benchmark')").update();
    jdbc.sql(
            """
            insert into borrowers (id, platform_id, identifier, identifier_type, country, status,
                created_at, updated_at)
            select 'b-' || i, 'bench', 'id-' || i, 'SIREN', 'FRA', 'READY', now(), now()
            from generate_series(1, 2000) i
            """)
        .update();
    jdbc.sql(
            """
            insert into credit_lines (borrower_id, platform_id, max_amount_cents, status,
                expires_at, created_at, updated_at)
            select id, 'bench', 1000000000000, 'ACTIVE', '2099-01-01', now(), now() from borrowers
            """)
        .update();
    jdbc.sql(
            """
            insert into repayment_methods (id, borrower_id, platform_id, payment_method, status,
                is_default, iban, bic, mandate_reference, apply_to_all_active_loans, created_at,
                updated_at)
            select 'm-' || id, id, 'bench', 'DIRECT_DEBIT', 'READY', true,
                'FR1420041010050500013M02606', 'PSSTFRPPPAR', 'MANDATE-' || id, false, now(), now()
            from borrowers
            """)
        .update();
    jdbc.sql(
            """
            insert into loans (id, platform_id, borrower_id, salt_id, request_hash, loan_type,
                status, amount_cents, outstanding_principal_cents, invoice_number,
                invoice_amount_cents, loan_to_iban, to_pay_at, to_repay_at, requested_to_repay_at,
                paid_at, auto_validate, remittance_reference, repayment_method, created_at,
                updated_at)
            select 'loan-' || i, 'bench', 'b-' || (1 + mod(i, 2000)), 's-' || i, 'h', 'INVOICE_BASED_FINANCING',
                'TO_REPAY', amount, amount, 'INV-' || i, amount, 'FR1420041010050500013M02606',
                paid::date, paid::date + 60, paid::date + 60, paid, true, 'RF-' || i,
                case when mod(i, 2) = 0 then 'DIRECT_DEBIT' else 'SCT' end, paid, paid
            from (select i, (100 + floor(%s * 2000000))::bigint as amount,
                         timestamptz '2026-08-01 00:00:00+02'
                             + %s * (timestamptz '2026-12-01 00:00:00+01'
                                     - timestamptz '2026-08-01 00:00:00+02') as paid
                  from generate_series(1, :n) i) g
            """
                .formatted(draw("'amount' || i"), draw("'paid' || i")))
        .param("n", loans)
        .update();
    jdbc.sql(
            """
            insert into credit_reservations (loan_id, borrower_id, platform_id, amount_cents,
                outstanding_cents, status, created_at, updated_at)
            select id, borrower_id, platform_id, amount_cents, amount_cents, 'CONFIRMED', paid_at,
                paid_at
            from loans
            """)
        .update();
    // 0 to 3 repayments each, some on the payout day; a third of the loans repaid in full.
    jdbc.sql(
            """
            insert into credit_repayments (loan_id, platform_id, repayment_key, amount_cents,
                created_at)
            select id, platform_id, 'r-' || k,
                case when k = 3 then amount_cents - 3 * (amount_cents / 4)
                     else amount_cents / 4 end,
                paid_at + k * (%s * interval '25 days')
            from loans, generate_series(1, 3) k
            where floor(%s * 4) >= k
            """
                .formatted(draw("'when' || id || k"), draw("'count' || id")))
        .update();
    jdbc.sql(
            """
            update loans l set outstanding_principal_cents = l.amount_cents - r.repaid,
                status = case when l.amount_cents = r.repaid then
                    case when l.repayment_method = 'DIRECT_DEBIT' then 'TO_REPAY_FEES' else 'CLOSED' end
                    else l.status end
            from (select loan_id, sum(amount_cents) as repaid from credit_repayments
                  group by loan_id) r
            where r.loan_id = l.id
            """)
        .update();
    jdbc.sql("analyze").update();
  }

  private static long count(JdbcClient jdbc, String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
