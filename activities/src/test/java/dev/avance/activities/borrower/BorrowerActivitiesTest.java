package dev.avance.activities.borrower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.avance.activities.ActivitiesTestContext;
import dev.avance.activities.TestDatabase;
import dev.avance.activities.platform.Environment;
import dev.avance.activities.platform.PlatformRepository;
import dev.avance.workflows.borrower.BorrowerActivities;
import dev.avance.workflows.borrower.BorrowerRegistered;
import dev.avance.workflows.borrower.BorrowerStatus;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;
import dev.avance.workflows.borrower.OnboardBorrower;
import dev.avance.workflows.borrower.RegisterBorrower;
import dev.avance.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link BorrowerActivitiesImpl} on a real PostgreSQL. The activity is taken from a small Spring
 * context ({@link ActivitiesTestContext}) so that {@code register} runs through its
 * {@code @Transactional} proxy, as in production; this matters for the concurrency test, where each
 * caller's insert and follow-up reads share one transaction.
 */
class BorrowerActivitiesTest {
  private static final String PLATFORM = "plat-a";
  private static final String OTHER_PLATFORM = "plat-b";
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123Z");

  private static EmbeddedPostgres pg;
  private static DataSource dataSource;
  private static AnnotationConfigApplicationContext context;
  private static BorrowerActivities activities;
  private static BorrowerRepository repository;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() throws Exception {
    pg = TestDatabase.startMigrated();
    dataSource = pg.getPostgresDatabase();
    context = ActivitiesTestContext.start(dataSource);
    activities = context.getBean(BorrowerActivities.class);
    repository = context.getBean(BorrowerRepository.class);
    jdbc = JdbcClient.create(dataSource);
  }

  @AfterAll
  static void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void cleanSlate() {
    TestDatabase.reset(dataSource);
    PlatformRepository platforms = context.getBean(PlatformRepository.class);
    platforms.upsert(PLATFORM, "Platform A", Environment.LIVE, "avk_live_platform_a");
    platforms.upsert(OTHER_PLATFORM, "Platform B", Environment.LIVE, "avk_live_platform_b");
  }

  @Test
  void theActivityIsTheTransactionalProxy() {
    assertThat(AopUtils.isAopProxy(activities)).isTrue();
  }

  @Test
  void registerIsIdempotent() {
    RegisterBorrower command = command(borrower("b-1", PLATFORM, "552100554", Country.FRA), T0);

    BorrowerRegistered first = activities.register(command);
    BorrowerRegistered retried = activities.register(command);

    assertThat(first)
        .isEqualTo(new BorrowerRegistered("b-1", BorrowerStatus.TO_SIGN, T0))
        .isEqualTo(retried);
    assertThat(countBorrowers()).isEqualTo(1);
    assertThat(repository.findById(PLATFORM, "b-1"))
        .get()
        .satisfies(
            row -> {
              assertThat(row.createdAt()).isEqualTo(T0);
              assertThat(row.updatedAt()).isEqualTo(T0);
              assertThat(row.identifier()).isEqualTo("552100554");
              assertThat(row.identifierType()).isEqualTo("SIREN");
              assertThat(row.country()).isEqualTo("FRA");
              assertThat(row.status()).isEqualTo("TO_SIGN");
            });
  }

  @Test
  void aLaterCallForTheSameBorrowerReturnsTheFirstRecording() {
    OnboardBorrower b = borrower("b-1", PLATFORM, "552100554", Country.FRA);
    BorrowerRegistered first = activities.register(command(b, T0));

    BorrowerRegistered later =
        activities.register(
            new RegisterBorrower(b, BorrowerStatus.SIGNED, T0.plus(Duration.ofMinutes(5))));

    assertThat(later).isEqualTo(first);
    assertThat(later.createdAt()).isEqualTo(T0);
    assertThat(later.status()).isEqualTo(BorrowerStatus.TO_SIGN);
    assertThat(countBorrowers()).isEqualTo(1);
  }

  @Test
  void aSecondBorrowerWithTheSameIdentifierIsRefused() {
    activities.register(command(borrower("b-1", PLATFORM, "552100554", Country.FRA), T0));

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities.register(
                    command(
                        borrower("b-2", PLATFORM, "552100554", Country.FRA), T0.plusSeconds(1))));

    assertThat(failure).isNotNull();
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(FailureType.DUPLICATE_IDENTIFIER.type());
    assertThat(failure.getDetails().get(String.class)).isEqualTo("b-1");
    assertThat(repository.findById(PLATFORM, "b-2")).isEmpty();
    assertThat(countBorrowers()).isEqualTo(1);
  }

  @Test
  void theSameIdentifierInAnotherCountryIsAnotherBorrower() {
    activities.register(command(borrower("b-1", PLATFORM, "12345678", Country.FRA), T0));

    BorrowerRegistered spanish =
        activities.register(command(borrower("b-2", PLATFORM, "12345678", Country.ESP), T0));

    assertThat(spanish.borrowerId()).isEqualTo("b-2");
    assertThat(countBorrowers()).isEqualTo(2);
  }

  @Test
  void anotherPlatformMayOnboardTheSameIdentifierAndCannotSeeTheFirst() {
    activities.register(command(borrower("b-1", PLATFORM, "552100554", Country.FRA), T0));

    BorrowerRegistered other =
        activities.register(command(borrower("b-2", OTHER_PLATFORM, "552100554", Country.FRA), T0));

    assertThat(other.borrowerId()).isEqualTo("b-2");
    assertThat(countBorrowers()).isEqualTo(2);
    // Each platform sees its own borrower only.
    assertThat(repository.findById(PLATFORM, "b-1")).isPresent();
    assertThat(repository.findById(OTHER_PLATFORM, "b-1")).isEmpty();
    assertThat(repository.findById(OTHER_PLATFORM, "b-2")).isPresent();
    assertThat(repository.findById(PLATFORM, "b-2")).isEmpty();
    assertThat(repository.findIdByIdentifier(PLATFORM, "FRA", "552100554")).contains("b-1");
    assertThat(repository.findIdByIdentifier(OTHER_PLATFORM, "FRA", "552100554")).contains("b-2");
  }

  /**
   * Twenty registrations of one identifier race; the unique constraint decides. Repeated because a
   * race that passes once proves little.
   */
  @RepeatedTest(5)
  void concurrentRegistrationsOfOneIdentifierLetExactlyOneThrough() throws Exception {
    int callers = 20;
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<BorrowerRegistered>> outcomes = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        OnboardBorrower b = borrower("racer-" + i, PLATFORM, "552100554", Country.FRA);
        outcomes.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return activities.register(command(b, T0));
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();

      List<BorrowerRegistered> registered = new ArrayList<>();
      List<Throwable> failures = new ArrayList<>();
      for (Future<BorrowerRegistered> outcome : outcomes) {
        try {
          registered.add(outcome.get(60, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }

      assertThat(registered).hasSize(1);
      String winner = registered.get(0).borrowerId();
      assertThat(failures)
          .hasSize(callers - 1)
          .allSatisfy(
              f -> {
                assertThat(f).isInstanceOf(ApplicationFailure.class);
                ApplicationFailure failure = (ApplicationFailure) f;
                assertThat(failure.getType()).isEqualTo(FailureType.DUPLICATE_IDENTIFIER.type());
                assertThat(failure.isNonRetryable()).isTrue();
                assertThat(failure.getDetails().get(String.class)).isEqualTo(winner);
              });
      assertThat(countBorrowers()).isEqualTo(1);
      assertThat(repository.findIdByIdentifier(PLATFORM, "FRA", "552100554")).contains(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long countBorrowers() {
    return jdbc.sql("select count(*) from borrowers").query(Long.class).single();
  }

  static OnboardBorrower borrower(String id, String platform, String identifier, Country country) {
    return new OnboardBorrower(
        id,
        platform,
        identifier,
        IdentifierType.defaultFor(country),
        country,
        "Borrower " + id,
        null,
        "{\"ref\": \"" + id + "\"}",
        null,
        null);
  }

  static RegisterBorrower command(OnboardBorrower borrower, Instant at) {
    return new RegisterBorrower(borrower, BorrowerStatus.TO_SIGN, at);
  }
}
