package dev.avance.banksim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.bank.BankFile;
import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.CancellationRequest;
import dev.avance.bank.iso20022.CreditTransferInitiation;
import dev.avance.bank.iso20022.CreditTransferInitiation.CreditTransfer;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.DirectDebitInitiation;
import dev.avance.bank.iso20022.DirectDebitInitiation.DirectDebit;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.Remittance;
import dev.avance.bank.iso20022.SddScheme;
import dev.avance.bank.iso20022.SequenceType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One real PostgreSQL per test class, the simulator's schema migrated once; before each test an
 * empty ledger, a clock at {@link #START}, a recording receiver and a simulator with the default
 * settings. After each test the ledger must balance.
 */
abstract class SimulatorTestBase {
  static final String START = "2027-03-24T10:00:00";

  /** Avance's main account (the debtor of its payouts, the creditor of its debits). */
  static final String AVANCE = "FR7630006000011234567890189";

  static final String SUPPLIER = "DE89370400440532013000";
  static final String BORROWER = "FR1420041010050500013M02606";

  static EmbeddedPostgres postgres;
  static DataSource dataSource;

  final AtomicInteger kills = new AtomicInteger();
  MutableClock clock;
  RecordingReceiver receiver;
  BankSimulator bank;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
    dataSource = postgres.getPostgresDatabase();
    BankSimulatorSchema.migrate(dataSource);
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void freshBank() {
    JdbcClient.create(dataSource)
        .sql(
            "truncate banksim.postings, banksim.transactions, banksim.received_files,"
                + " banksim.outgoing_files, banksim.rules")
        .update();
    clock = MutableClock.at(START);
    receiver = new RecordingReceiver();
    bank = simulator(BankSimulatorProperties.defaults());
  }

  @AfterEach
  void ledgerBalances() {
    assertThat(bank.ledgerSum()).as("sum of all postings").isZero();
  }

  BankSimulator simulator(BankSimulatorProperties properties) {
    return new BankSimulator(dataSource, clock, receiver, properties, kills::incrementAndGet);
  }

  BankFile file(BankMessage message) {
    return new BankFile(message.type(), message.messageId(), Iso20022.write(message));
  }

  void send(BankMessage message) {
    bank.send(file(message));
  }

  /** Moves the clock by {@code step} and ticks, {@code times} times. */
  void tickEvery(Duration step, int times) {
    for (int i = 0; i < times; i++) {
      clock.advance(step);
      bank.tick();
    }
  }

  void tickAt(String dateTime) {
    clock.set(dateTime);
    bank.tick();
  }

  // Messages as Avance writes them.

  static CreditTransferInitiation payouts(
      String messageId, boolean instant, LocalDate date, CreditTransfer... transfers) {
    return new CreditTransferInitiation(
        messageId,
        java.time.Instant.parse("2027-03-24T09:00:00Z"),
        new Party("Avance SAS", AVANCE, "BNPAFRPPXXX"),
        instant,
        date,
        List.of(transfers));
  }

  static CreditTransfer transfer(String endToEndId, long amountCents) {
    return new CreditTransfer(
        endToEndId,
        amountCents,
        new Party("Fournisseur GmbH", SUPPLIER, null),
        Remittance.text("Invoice 2027-118"));
  }

  static DirectDebitInitiation debits(
      String messageId, SddScheme scheme, LocalDate collectionDate, DirectDebit... debits) {
    return new DirectDebitInitiation(
        messageId,
        java.time.Instant.parse("2027-03-24T09:00:00Z"),
        new Party("Avance SAS", AVANCE, "BNPAFRPPXXX"),
        "FR72ZZZ123456",
        scheme,
        SequenceType.OOFF,
        collectionDate,
        List.of(debits));
  }

  static DirectDebit debit(String endToEndId, long amountCents) {
    return new DirectDebit(
        endToEndId,
        amountCents,
        "MDT-" + endToEndId,
        LocalDate.of(2026, 11, 2),
        new Party("Emprunteur SARL", BORROWER, null),
        Remittance.reference("RF18539007547034"));
  }

  static CancellationRequest cancellation(
      String messageId, String originalMessageId, MessageType type, String endToEndId, long cents) {
    return new CancellationRequest(
        messageId,
        java.time.Instant.parse("2027-03-24T09:00:00Z"),
        "CASE-" + messageId,
        new Party("Avance SAS", AVANCE, "BNPAFRPPXXX"),
        originalMessageId,
        type,
        endToEndId,
        cents,
        "CUST");
  }

  // What came back.

  List<PaymentStatusReport> reports() {
    return receiver.received(PaymentStatusReport.class);
  }

  List<DebitCreditNotification> notifications() {
    return receiver.received(DebitCreditNotification.class);
  }

  /** The one entry of the one notification of a camt.054. */
  static AccountEntries.Entry onlyEntry(DebitCreditNotification camt054) {
    assertThat(camt054.notifications()).hasSize(1);
    assertThat(camt054.notifications().get(0).entries()).hasSize(1);
    return camt054.notifications().get(0).entries().get(0);
  }

  SimulatedTransaction tx(String endToEndId) {
    return bank.transaction(endToEndId).orElseThrow();
  }
}
