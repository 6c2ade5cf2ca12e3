package dev.avance.activities.borrower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.avance.activities.TestDatabase;
import dev.avance.activities.TestRows;
import dev.avance.activities.platform.Environment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BorrowerRepository} on a real PostgreSQL, without Spring (no transactions involved). */
class BorrowerRepositoryTest {
  private static final String PLATFORM = "plat-a";
  private static final String OTHER_PLATFORM = "plat-b";
  private static final Instant BASE = Instant.parse("2025-01-15T10:00:00Z");
  private static final int ROWS = 25;
  private static final Comparator<BorrowerRow> ORDER =
      Comparator.comparing(BorrowerRow::createdAt).thenComparing(BorrowerRow::id);

  private static EmbeddedPostgres pg;
  private static DataSource dataSource;
  private static BorrowerRepository repository;

  /** The platform's rows, and the other platform's, as inserted. */
  private final List<BorrowerRow> mine = new ArrayList<>();

  private final List<BorrowerRow> theirs = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    pg = TestDatabase.startMigrated();
    dataSource = pg.getPostgresDatabase();
    repository = new BorrowerRepository(JdbcClient.create(dataSource));
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  /**
   * 25 rows on the platform, three per created_at (so pages split ties and the id decides), with
   * ids whose order differs from insertion order; and 10 rows on another platform at the same
   * instants, with the same statuses and one shared identifier, which must never leak.
   */
  @BeforeEach
  void seed() {
    TestDatabase.reset(dataSource);
    TestRows rows = new TestRows(JdbcClient.create(dataSource));
    rows.platform(PLATFORM, Environment.LIVE);
    rows.platform(OTHER_PLATFORM, Environment.SANDBOX);
    for (int i = 0; i < ROWS; i++) {
      String id = String.format("b%02d", (i * 7) % ROWS); // a permutation of b00..b24
      boolean shared = i == 5 || i == 17;
      BorrowerRow row =
          row(
              id,
              PLATFORM,
              shared ? "SHARED" : "id-" + i,
              i == 17 ? "ESP" : "FRA",
              i % 2 == 0 ? "TO_SIGN" : "SIGNED",
              BASE.plus(Duration.ofMinutes(i / 3)));
      assertThat(repository.insertIfAbsent(row)).isTrue();
      mine.add(row);
    }
    for (int j = 0; j < 10; j++) {
      BorrowerRow row =
          row(
              String.format("b%02d", ROWS + j),
              OTHER_PLATFORM,
              j == 0 ? "SHARED" : "other-" + j,
              "FRA",
              j % 2 == 0 ? "TO_SIGN" : "SIGNED",
              BASE.plus(Duration.ofMinutes(j)));
      assertThat(repository.insertIfAbsent(row)).isTrue();
      theirs.add(row);
    }
  }

  @Test
  void theFixtureSplitsATieAcrossAPageBoundary() {
    List<BorrowerRow> sorted = sorted(mine, r -> true, true);
    // With pages of 4, rows 3 and 4 straddle the boundary and share their created_at.
    assertThat(sorted.get(3).createdAt()).isEqualTo(sorted.get(4).createdAt());
    assertThat(sorted.get(3).id()).isLessThan(sorted.get(4).id());
    // And insertion order is not id order, so a tie-break on anything else would show.
    assertThat(mine.stream().map(BorrowerRow::id).toList())
        .isNotEqualTo(sorted.stream().map(BorrowerRow::id).toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 7, 25, 100})
  void walkingAscendingPagesReturnsEveryRowOnceInOrder(int limit) {
    List<BorrowerRow> walked = walk(PLATFORM, null, null, true, limit);

    assertThat(ids(walked)).doesNotHaveDuplicates().hasSize(ROWS);
    assertThat(ids(walked)).containsExactlyElementsOf(ids(sorted(mine, r -> true, true)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 7, 25, 100})
  void walkingDescendingPagesReturnsEveryRowOnceInOrder(int limit) {
    List<BorrowerRow> walked = walk(PLATFORM, null, null, false, limit);

    assertThat(ids(walked)).doesNotHaveDuplicates().hasSize(ROWS);
    assertThat(ids(walked)).containsExactlyElementsOf(ids(sorted(mine, r -> true, false)));
  }

  @Test
  void theFirstPageIsTheOldestOrTheNewest() {
    List<BorrowerRow> oldest =
        repository.find(new BorrowerQuery(PLATFORM, null, null, true, null, null, 4));
    List<BorrowerRow> newest =
        repository.find(new BorrowerQuery(PLATFORM, null, null, false, null, null, 4));

    assertThat(ids(oldest))
        .containsExactlyElementsOf(ids(sorted(mine, r -> true, true)).subList(0, 4));
    assertThat(ids(newest))
        .containsExactlyElementsOf(ids(sorted(mine, r -> true, false)).subList(0, 4));
  }

  @Test
  void rowsReadBackAsWritten() {
    List<BorrowerRow> all =
        repository.find(new BorrowerQuery(PLATFORM, null, null, true, null, null, 100));

    assertThat(all).containsExactlyElementsOf(sorted(mine, r -> true, true));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void filtersByStatusAcrossPages(boolean ascending) {
    List<BorrowerRow> walked = walk(PLATFORM, "SIGNED", null, ascending, 3);

    List<BorrowerRow> expected = sorted(mine, r -> r.status().equals("SIGNED"), ascending);
    assertThat(expected).hasSize(12);
    assertThat(ids(walked)).containsExactlyElementsOf(ids(expected));
    assertThat(walked).allSatisfy(r -> assertThat(r.status()).isEqualTo("SIGNED"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void filtersByIdentifier(boolean ascending) {
    List<BorrowerRow> walked = walk(PLATFORM, null, "SHARED", ascending, 1);

    List<BorrowerRow> expected = sorted(mine, r -> r.identifier().equals("SHARED"), ascending);
    assertThat(expected).hasSize(2);
    assertThat(ids(walked)).containsExactlyElementsOf(ids(expected));
  }

  @Test
  void filtersCombine() {
    List<BorrowerRow> walked = walk(PLATFORM, "TO_SIGN", "SHARED", true, 10);

    // Row 5 (FRA) is SIGNED, row 17 (ESP) is SIGNED too: no TO_SIGN row has the identifier.
    assertThat(walked).isEmpty();
    assertThat(ids(walk(PLATFORM, "SIGNED", "SHARED", true, 10)))
        .containsExactlyElementsOf(ids(sorted(mine, r -> r.identifier().equals("SHARED"), true)));
  }

  @Test
  void neverReturnsAnotherPlatformsRows() {
    assertThat(walk(PLATFORM, null, null, true, 4))
        .allSatisfy(r -> assertThat(r.platformId()).isEqualTo(PLATFORM));
    assertThat(walk(PLATFORM, "TO_SIGN", null, false, 4))
        .allSatisfy(r -> assertThat(r.platformId()).isEqualTo(PLATFORM));
    assertThat(ids(walk(PLATFORM, null, "SHARED", true, 4)))
        .doesNotContainAnyElementsOf(ids(theirs));

    assertThat(ids(walk(OTHER_PLATFORM, null, null, true, 3)))
        .containsExactlyElementsOf(ids(sorted(theirs, r -> true, true)));
    assertThat(ids(walk(OTHER_PLATFORM, null, "SHARED", true, 3))).containsExactly("b25");
    assertThat(repository.find(new BorrowerQuery("nobody", null, null, true, null, null, 100)))
        .isEmpty();
  }

  @Test
  void findByIdAndByIdentifierAreScopedToThePlatform() {
    BorrowerRow one = mine.get(0);

    assertThat(repository.findById(PLATFORM, one.id())).contains(one);
    assertThat(repository.findById(OTHER_PLATFORM, one.id())).isEmpty();
    assertThat(repository.findIdByIdentifier(PLATFORM, "FRA", "SHARED")).contains(mine.get(5).id());
    assertThat(repository.findIdByIdentifier(PLATFORM, "ESP", "SHARED"))
        .contains(mine.get(17).id());
    assertThat(repository.findIdByIdentifier(OTHER_PLATFORM, "FRA", "SHARED")).contains("b25");
    assertThat(repository.findIdByIdentifier(OTHER_PLATFORM, "FRA", "id-1")).isEmpty();
  }

  @Test
  void insertIfAbsentRefusesATakenIdOrIdentifier() {
    BorrowerRow one = mine.get(0);
    BorrowerRow sameId =
        row(one.id(), PLATFORM, "fresh", "FRA", "TO_SIGN", BASE.plus(Duration.ofDays(1)));
    BorrowerRow sameIdentifier =
        row("new-id", PLATFORM, one.identifier(), one.country(), "TO_SIGN", BASE);

    assertThat(repository.insertIfAbsent(sameId)).isFalse();
    assertThat(repository.insertIfAbsent(sameIdentifier)).isFalse();
    assertThat(repository.findById(PLATFORM, one.id())).contains(one);
    assertThat(repository.findById(PLATFORM, "new-id")).isEmpty();
  }

  /** Follows the keyset cursor (created_at, id of each page's last row) until an empty page. */
  private static List<BorrowerRow> walk(
      String platform, String status, String identifier, boolean ascending, int limit) {
    List<BorrowerRow> all = new ArrayList<>();
    Instant afterCreatedAt = null;
    String afterId = null;
    for (int pages = 0; pages <= ROWS + 1; pages++) {
      List<BorrowerRow> page =
          repository.find(
              new BorrowerQuery(
                  platform, status, identifier, ascending, afterCreatedAt, afterId, limit));
      assertThat(page).hasSizeLessThanOrEqualTo(limit);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      BorrowerRow last = page.get(page.size() - 1);
      afterCreatedAt = last.createdAt();
      afterId = last.id();
    }
    return fail("the walk did not end after %d pages", ROWS + 1);
  }

  private static List<BorrowerRow> sorted(
      List<BorrowerRow> rows, Predicate<BorrowerRow> filter, boolean ascending) {
    return rows.stream().filter(filter).sorted(ascending ? ORDER : ORDER.reversed()).toList();
  }

  private static List<String> ids(List<BorrowerRow> rows) {
    return rows.stream().map(BorrowerRow::id).toList();
  }

  private static BorrowerRow row(
      String id,
      String platform,
      String identifier,
      String country,
      String status,
      Instant createdAt) {
    return new BorrowerRow(
        id,
        platform,
        identifier,
        country.equals("ESP") ? "NIF" : "SIREN",
        country,
        "Borrower " + id,
        status,
        status.equals("SIGNED") ? "signed by the platform" : null,
        status.equals("SIGNED") ? createdAt.plusSeconds(30) : null,
        "{\"ref\": \"" + id + "\"}",
        createdAt,
        createdAt,
        null,
        null,
        null);
  }
}
