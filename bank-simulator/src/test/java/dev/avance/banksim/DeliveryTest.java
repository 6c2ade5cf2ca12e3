package dev.avance.banksim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.SddScheme;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class DeliveryTest extends SimulatorTestBase {
  private static final Duration STEP = Duration.ofMillis(200);

  private List<String> receivedIds() {
    return receiver.received().stream().map(BankMessage::messageId).toList();
  }

  @Test
  void withDuplicateDeliveriesEveryAnswerArrivesTwiceTheSecondALittleLater() {
    bank = simulator(BankSimulatorProperties.defaults().withDuplicateDeliveries(true));
    send(payouts("DUPD-1", true, null, transfer("DUPD-E2E", 4_200)));

    tickEvery(STEP, 1);
    assertThat(receiver.received()).hasSize(1);
    tickEvery(STEP, 4);
    assertThat(receiver.received())
        .extracting(BankMessage::type)
        .containsExactly(MessageType.PAIN_002, MessageType.CAMT_054);
    // The copies are due 1 s after their originals.
    tickEvery(STEP, 5);
    assertThat(receiver.received())
        .extracting(BankMessage::type)
        .containsExactly(
            MessageType.PAIN_002, MessageType.CAMT_054, MessageType.PAIN_002, MessageType.CAMT_054);
    List<String> ids = receivedIds();
    assertThat(ids.get(2)).isEqualTo(ids.get(0));
    assertThat(ids.get(3)).isEqualTo(ids.get(1));
    assertThat(receiver.received().get(3)).isEqualTo(receiver.received().get(1));
    assertThat(bank.balance(AVANCE))
        .as("duplicates are deliveries, not bookings")
        .isEqualTo(-4_200);
    tickEvery(STEP, 10);
    assertThat(receiver.received()).hasSize(4);
  }

  @Test
  void withoutReorderThePain002ComesFirstEvenWhenTheBankIsLate() {
    send(payouts("ORD-1", true, null, transfer("ORD-E2E", 1_000)));
    tickEvery(Duration.ofSeconds(5), 1);
    assertThat(receiver.received())
        .extracting(BankMessage::type)
        .containsExactly(MessageType.PAIN_002, MessageType.CAMT_054);
  }

  @Test
  void withReorderASettlementsCamt054ArrivesBeforeItsFilesPain002() {
    bank = simulator(BankSimulatorProperties.defaults().withReorder(true));
    send(payouts("REORD-1", true, null, transfer("REORD-E2E", 1_000)));
    send(debits("REORD-2", SddScheme.CORE, LocalDate.of(2027, 3, 26), debit("REORD-D", 2_000)));

    tickEvery(STEP, 5);
    assertThat(receiver.received())
        .as("the payout settled at 1 s; its pain.002 waits for its camt.054")
        .extracting(BankMessage::type)
        .containsExactly(MessageType.CAMT_054);
    tickEvery(STEP, 1);
    assertThat(receiver.received())
        .extracting(BankMessage::type)
        .containsExactly(MessageType.CAMT_054, MessageType.PAIN_002);
    assertThat(((PaymentStatusReport) receiver.received().get(1)).originalMessageId())
        .isEqualTo("REORD-1");

    // The debit is accepted at once but acknowledged only after its collection, a business day
    // later (Good Friday 26 March 2027 is closed: 30 March).
    assertThat(tx("REORD-D").status()).isEqualTo(SimulatedStatus.ACCEPTED);
    tickAt("2027-03-30T00:00:01");
    assertThat(receiver.received())
        .extracting(BankMessage::type)
        .containsExactly(
            MessageType.CAMT_054, MessageType.PAIN_002, MessageType.CAMT_054, MessageType.PAIN_002);
    assertThat(((DebitCreditNotification) receiver.received().get(2)).notifications())
        .singleElement()
        .satisfies(n -> assertThat(n.entries().get(0).amountCents()).isEqualTo(2_000));
  }

  @Test
  void aReceiverThatFailsOnceGetsTheFileAgainOnTheNextTick() {
    send(payouts("FAIL-ONCE", true, null, transfer("FO-1", 700)));
    receiver.failNext(1);
    tickEvery(STEP, 1);
    assertThat(receiver.received()).isEmpty();
    assertThat(bank.deliveries())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.attempts()).isEqualTo(1);
              assertThat(d.deliveredAt()).isNull();
            });

    bank.tick();
    assertThat(receiver.received())
        .singleElement()
        .extracting(BankMessage::type)
        .isEqualTo(MessageType.PAIN_002);
    assertThat(bank.deliveries())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.attempts()).isEqualTo(2);
              assertThat(d.deliveredAt()).isEqualTo(clock.instant());
            });
    bank.tick();
    assertThat(receiver.received()).as("delivered once only").hasSize(1);
  }

  @Test
  void aFileRefusedAsInvalidIsSetAsideAndDoesNotBlockTheOthers() {
    receiver.refuse(
        m -> m instanceof PaymentStatusReport r && r.originalMessageId().equals("BAD-1"));
    send(payouts("BAD-1", true, null, transfer("BAD-E2E", 100)));
    send(payouts("GOOD-1", true, null, transfer("GOOD-E2E", 200)));
    tickEvery(STEP, 10);

    assertThat(receiver.received())
        .extracting(BankMessage::type)
        .containsExactly(MessageType.PAIN_002, MessageType.CAMT_054, MessageType.CAMT_054);
    assertThat(((PaymentStatusReport) receiver.received().get(0)).originalMessageId())
        .isEqualTo("GOOD-1");
    assertThat(notifications())
        .extracting(n -> onlyEntry(n).details().get(0).endToEndId())
        .containsExactly("BAD-E2E", "GOOD-E2E");
    assertThat(bank.deliveries())
        .filteredOn(Delivery::refused)
        .singleElement()
        .satisfies(d -> assertThat(d.attempts()).as("never offered again").isEqualTo(1));
  }

  @Test
  void twoNodesTickingAtOnceDeliverEachFileOnceAndSettleEachPaymentOnce() throws Exception {
    BankSimulator other = simulator(BankSimulatorProperties.defaults());
    int files = 30;
    for (int i = 0; i < files; i++) {
      send(payouts("NODE-" + i, true, null, transfer("NODE-E2E-" + i, 100 + i)));
    }
    clock.advance(Duration.ofSeconds(2));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (BankSimulator node : List.of(bank, other)) {
        runs.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                  for (int i = 0; i < 5; i++) {
                    node.tick();
                  }
                },
                pool));
      }
      start.countDown();
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    List<String> ids = receivedIds();
    assertThat(ids).hasSize(2 * files).doesNotHaveDuplicates();
    long expected = 0;
    for (int i = 0; i < files; i++) {
      expected += 100 + i;
    }
    assertThat(bank.balance(AVANCE)).isEqualTo(-expected);
    assertThat(
            notifications().stream()
                .flatMap(n -> n.notifications().stream())
                .flatMap(n -> n.entries().stream())
                .mapToLong(e -> e.amountCents())
                .sum())
        .isEqualTo(expected);
  }

  @Test
  void theSameFileSentConcurrentlyIsTakenOnce() throws Exception {
    var file = file(payouts("RACE-1", true, null, transfer("RACE-E2E", 9_000)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sends.add(CompletableFuture.runAsync(() -> bank.send(file), pool));
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    tickEvery(STEP, 10);
    assertThat(reports()).hasSize(1);
    assertThat(bank.balance(AVANCE)).isEqualTo(-9_000);
  }

  @Test
  void theBanksAcceptanceSurvivesTheCallersRollback() {
    TransactionTemplate avance = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    avance.executeWithoutResult(
        status -> {
          send(payouts("ROLLBACK-1", true, null, transfer("RB-E2E", 1_234)));
          status.setRollbackOnly();
        });
    assertThat(tx("RB-E2E").status()).isEqualTo(SimulatedStatus.RECEIVED);
    tickEvery(STEP, 10);
    assertThat(bank.balance(AVANCE)).isEqualTo(-1_234);
  }

  @Test
  void theFaultPointKillsRightAfterCommittingTheNthFileOfItsType() throws Exception {
    AtomicBoolean committedWhenKilled = new AtomicBoolean();
    List<String> killedAt = new ArrayList<>();
    BankSimulator[] holder = new BankSimulator[1];
    holder[0] =
        new BankSimulator(
            dataSource,
            clock,
            receiver,
            BankSimulatorProperties.defaults().withKillAfterAccept("pain.001:3"),
            () -> {
              killedAt.add("killed");
              committedWhenKilled.set(committed("KILL-3"));
            });
    bank = holder[0];
    send(debits("K-DD", SddScheme.CORE, LocalDate.of(2027, 3, 25), debit("KILL-DD", 10)));
    send(payouts("K-1", true, null, transfer("KILL-1", 10)));
    send(payouts("K-1", true, null, transfer("KILL-1", 10)));
    send(payouts("K-2", true, null, transfer("KILL-2", 10)));
    assertThat(killedAt).as("a pain.008 and a file sent again do not count").isEmpty();
    send(payouts("K-3", true, null, transfer("KILL-3", 10)));
    assertThat(killedAt).hasSize(1);
    assertThat(committedWhenKilled).as("the acceptance is committed before the kill").isTrue();
    send(payouts("K-4", true, null, transfer("KILL-4", 10)));
    assertThat(killedAt).hasSize(1);
    tickAt("2027-03-25T10:00:00");
  }

  /** Whether another connection sees the payment: whether it is committed. */
  private static boolean committed(String endToEndId) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select count(*) from banksim.transactions where end_to_end_id = '"
                    + endToEndId
                    + "'")) {
      rs.next();
      return rs.getInt(1) == 1;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
