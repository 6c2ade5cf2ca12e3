package dev.avance.banksim;

import dev.avance.bank.BankConnector;
import dev.avance.bank.BankFile;
import dev.avance.bank.BankFileReceiver;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.CancellationRequest;
import dev.avance.bank.iso20022.CancellationResolution;
import dev.avance.bank.iso20022.CreditDebit;
import dev.avance.bank.iso20022.CreditTransferInitiation;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.DirectDebitInitiation;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import dev.avance.bank.iso20022.Remittance;
import dev.avance.bank.iso20022.SddScheme;
import dev.avance.bank.iso20022.TransactionStatus;
import dev.avance.workflows.rules.TargetCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Avance's bank, simulated: it takes Avance's files through {@link BankConnector#send} and answers
 * later with its own files, handed to Avance's {@link BankFileReceiver} by {@link #tick()}. Its
 * books are its own (schema {@code banksim}, see {@link BankSimulatorSchema}); every public method
 * runs in a transaction of its own, never in the caller's.
 *
 * <p>Time comes from the clock; days are counted in Europe/Paris, the TARGET system's time.
 *
 * <ul>
 *   <li>Acknowledgement: a file is answered {@code ack-delay} after it arrived, a pain.001 or
 *       pain.008 by a pain.002 (ACCP per payment, RJCT with the reason of a sandbox rule, RJCT AM05
 *       for an EndToEndId the bank already holds from another file), a camt.055 by a camt.029.
 *   <li>Settlement: an SCT Inst payout {@code instant-delay} after it arrived, any day; an SCT on
 *       its requested execution date and a direct debit on its collection date, each moved to the
 *       next TARGET business day (a date already past counts from the day of receipt), at the start
 *       of that day. Never before the file's acknowledgement is due, so a pain.002 precedes its
 *       camt.054 unless {@code reorder} says otherwise.
 *   <li>Returns ({@link #returnDirectDebit}): a settled CORE debit may be returned within 5 TARGET
 *       business days of its settlement for any R-code, and up to 8 weeks after it for a refund
 *       (MD06); a B2B debit within 2 business days. Before settlement there is nothing to return:
 *       the debit is rejected instead (pain.002 RJCT with the code) and never settles.
 * </ul>
 */
public class BankSimulator implements BankConnector {
  /** The zone in which the bank counts days. */
  public static final ZoneId BANK_ZONE = ZoneId.of("Europe/Paris");

  /** The EndToEndId of a received credit whose payer gave none (SEPA's own placeholder). */
  public static final String NOT_PROVIDED = "NOTPROVIDED";

  private static final Logger log = LoggerFactory.getLogger(BankSimulator.class);

  /** A SEPA reason code: two letters and two digits (AM04, MD06, AC04, MS03...). */
  private static final Pattern REASON_CODE = Pattern.compile("[A-Z]{2}[0-9]{2}");

  private static final String REFUND = "MD06";
  private static final Period REFUND_WINDOW = Period.ofWeeks(8);
  private static final int CORE_RETURN_BUSINESS_DAYS = 5;
  private static final int B2B_RETURN_BUSINESS_DAYS = 2;
  private static final String DUPLICATE = "AM05";

  /**
   * How long a node holds an outgoing file while its receiver runs, before others may retry. Short:
   * a node that dies holding files (its JVM killed) delays them by this much, and a file delivered
   * twice when a slow receiver outlives the lease costs nothing (Avance takes a message id once).
   */
  private static final Duration CLAIM_LEASE = Duration.ofSeconds(15);

  private static final int BATCH = 100;

  private static final String TRANSACTION_COLUMNS =
      """
      t.id, t.end_to_end_id, t.bank_reference, t.file_id, t.direction, t.amount_cents,
      t.account_iban, t.counterparty_iban, t.counterparty_name, t.counterparty_bic,
      t.remittance_text, t.creditor_reference, t.instant, t.scheme, t.mandate_id,
      t.requested_date, t.settle_at, t.settlement_date, t.status, t.reason, t.received_at,
      t.settled_at, t.returned_at, f.message_id, f.type as file_type
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final BankFileReceiver receiver;
  private final BankSimulatorProperties properties;
  private final FaultPoint faultPoint;
  private final AtomicInteger faultPointFiles = new AtomicInteger();
  private final Runnable killer;

  /**
   * A simulator on a {@code banksim} schema already migrated ({@link BankSimulatorSchema#migrate}).
   */
  public BankSimulator(
      DataSource dataSource,
      Clock clock,
      BankFileReceiver receiver,
      BankSimulatorProperties properties) {
    this(dataSource, clock, receiver, properties, SelfKill::now);
  }

  BankSimulator(
      DataSource dataSource,
      Clock clock,
      BankFileReceiver receiver,
      BankSimulatorProperties properties,
      Runnable killer) {
    Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.properties = Objects.requireNonNull(properties, "properties");
    this.killer = Objects.requireNonNull(killer, "killer");
    this.faultPoint = properties.faultPoint();
    this.jdbc = JdbcClient.create(dataSource);
    // REQUIRES_NEW on a manager of our own: a caller's transaction on the same DataSource (the
    // outbox's) is suspended, never joined, so the bank's commit is the bank's alone.
    this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public BankSimulatorProperties properties() {
    return properties;
  }

  // ---------------------------------------------------------------------------------------------
  // BankConnector: Avance's files in.

  /**
   * Takes a pain.001, pain.008 or camt.055: once this returns, the file and its payments are
   * committed in the bank's books. The same (type, message id) again changes nothing.
   *
   * @throws IllegalArgumentException when the file is not a valid message of a type the bank takes,
   *     or its type or message id differ from what its XML says
   */
  @Override
  public void send(BankFile file) {
    Objects.requireNonNull(file, "file");
    BankMessage message;
    try {
      message = Iso20022.read(file.xml());
    } catch (InvalidBankMessageException e) {
      throw new IllegalArgumentException(
          "the bank refuses " + file.fileName() + ": " + e.getMessage(), e);
    }
    if (message.type() != file.type()) {
      throw new IllegalArgumentException(
          "the bank refuses "
              + file.fileName()
              + ": it says "
              + file.type().code()
              + " but holds a "
              + message.type().code());
    }
    if (!file.messageId().equals(message.messageId())) {
      throw new IllegalArgumentException(
          "the bank refuses "
              + file.fileName()
              + ": its message id differs from the one in its XML, "
              + message.messageId());
    }
    Instant now = clock.instant();
    boolean accepted;
    if (message instanceof CreditTransferInitiation pain001) {
      accepted = inTransaction(() -> acceptCreditTransfers(file, pain001, now));
    } else if (message instanceof DirectDebitInitiation pain008) {
      accepted = inTransaction(() -> acceptDirectDebits(file, pain008, now));
    } else if (message instanceof CancellationRequest) {
      accepted = inTransaction(() -> storeFile(file, now) != null);
    } else {
      throw new IllegalArgumentException(
          "the bank refuses " + file.fileName() + ": a customer does not send a " + file.type());
    }
    if (accepted) {
      log.info("bank simulator accepted {} {}", file.type().code(), file.messageId());
      crashIfFaultPoint(file);
    }
  }

  private void crashIfFaultPoint(BankFile file) {
    if (faultPoint == null || faultPoint.type() != file.type()) {
      return;
    }
    if (faultPointFiles.incrementAndGet() == faultPoint.count()) {
      log.error(
          "bank simulator fault point {}: {} {} accepted and committed, killing this JVM",
          faultPoint,
          file.type().code(),
          file.messageId());
      killer.run();
    }
  }

  private boolean acceptCreditTransfers(BankFile file, CreditTransferInitiation m, Instant now) {
    Long fileId = storeFile(file, now);
    if (fileId == null) {
      return false;
    }
    String account = requireIban(m.debtor(), "debtor", file);
    LocalDate settlementDate;
    Instant settleAt;
    Instant ackDue = now.plus(properties.ackDelay());
    if (m.instant()) {
      settleAt = latest(now.plus(properties.instantDelay()), ackDue);
      settlementDate = day(settleAt);
    } else {
      settlementDate = businessDayFrom(m.requestedExecutionDate(), now);
      settleAt = latest(dated(settlementDate, now), ackDue);
    }
    for (CreditTransferInitiation.CreditTransfer t : m.transfers()) {
      Party creditor = t.creditor();
      insertTransaction(
          new NewTransaction(
              t.endToEndId(),
              fileId,
              Direction.OUT,
              t.amountCents(),
              account,
              requireIban(creditor, "creditor", file),
              creditor.name(),
              creditor.bic(),
              t.remittance(),
              m.instant(),
              null,
              null,
              m.requestedExecutionDate(),
              settleAt,
              settlementDate),
          now);
    }
    applyRules(fileId, now);
    return true;
  }

  private boolean acceptDirectDebits(BankFile file, DirectDebitInitiation m, Instant now) {
    Long fileId = storeFile(file, now);
    if (fileId == null) {
      return false;
    }
    String account = requireIban(m.creditor(), "creditor", file);
    LocalDate settlementDate = businessDayFrom(m.collectionDate(), now);
    Instant settleAt = latest(dated(settlementDate, now), now.plus(properties.ackDelay()));
    for (DirectDebitInitiation.DirectDebit d : m.debits()) {
      Party debtor = d.debtor();
      insertTransaction(
          new NewTransaction(
              d.endToEndId(),
              fileId,
              Direction.DEBIT,
              d.amountCents(),
              account,
              requireIban(debtor, "debtor", file),
              debtor.name(),
              debtor.bic(),
              d.remittance(),
              false,
              m.scheme(),
              d.mandateId(),
              m.collectionDate(),
              settleAt,
              settlementDate),
          now);
    }
    applyRules(fileId, now);
    return true;
  }

  /** When a dated payment settles: its business day, or sooner when the sandbox compresses time. */
  private Instant dated(LocalDate settlementDate, Instant now) {
    return properties.datedDelay() == null
        ? startOf(settlementDate)
        : now.plus(properties.datedDelay());
  }

  /** The file's id, or null when the bank already has it. */
  private Long storeFile(BankFile file, Instant now) {
    return jdbc.sql(
            """
            insert into banksim.received_files (type, message_id, xml, received_at)
            values (:type, :messageId, :xml, :now)
            on conflict (type, message_id) do nothing
            returning id
            """)
        .param("type", file.type().name())
        .param("messageId", file.messageId())
        .param("xml", file.xml())
        .param("now", ts(now))
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  private record NewTransaction(
      String endToEndId,
      Long fileId,
      Direction direction,
      long amountCents,
      String accountIban,
      String counterpartyIban,
      String counterpartyName,
      String counterpartyBic,
      Remittance remittance,
      boolean instant,
      SddScheme scheme,
      String mandateId,
      LocalDate requestedDate,
      Instant settleAt,
      LocalDate settlementDate) {}

  private void insertTransaction(NewTransaction t, Instant now) {
    // An EndToEndId the bank holds already (from another file) inserts nothing: the payment is
    // executed once, and the acknowledgement of this file reports the copy as a duplicate.
    jdbc.sql(
            """
            insert into banksim.transactions (end_to_end_id, bank_reference, file_id, direction,
                amount_cents, account_iban, counterparty_iban, counterparty_name,
                counterparty_bic, remittance_text, creditor_reference, instant, scheme,
                mandate_id, requested_date, settle_at, settlement_date, status, received_at,
                updated_at)
            values (:e2e, 'BSIMT' || lpad(nextval('banksim.reference_seq')::text, 12, '0'),
                :fileId, :direction, :amount, :account, :counterparty, :counterpartyName,
                :counterpartyBic, :text, :reference, :instant, :scheme, :mandate, :requested,
                :settleAt, :settlementDate, 'RECEIVED', :now, :now)
            on conflict (end_to_end_id) do nothing
            """)
        .param("e2e", t.endToEndId())
        .param("fileId", t.fileId())
        .param("direction", t.direction().name())
        .param("amount", t.amountCents())
        .param("account", t.accountIban())
        .param("counterparty", t.counterpartyIban())
        .param("counterpartyName", t.counterpartyName())
        .param("counterpartyBic", t.counterpartyBic())
        .param("text", t.remittance() == null ? null : t.remittance().unstructured())
        .param("reference", t.remittance() == null ? null : t.remittance().creditorReference())
        .param("instant", t.instant())
        .param("scheme", t.scheme() == null ? null : t.scheme().name())
        .param("mandate", t.mandateId())
        .param("requested", t.requestedDate())
        .param("settleAt", ts(t.settleAt()))
        .param("settlementDate", t.settlementDate())
        .param("now", ts(now))
        .update();
  }

  /** A sandbox rule rejects its payment as it arrives; the pain.002 will say so. */
  private void applyRules(long fileId, Instant now) {
    jdbc.sql(
            """
            with rejected as (
                update banksim.transactions t
                set status = 'REJECTED', reason = r.reason, updated_at = :now
                from banksim.rules r
                where r.end_to_end_id = t.end_to_end_id and r.action = 'REJECT'
                  and t.file_id = :fileId and t.status = 'RECEIVED'
                returning t.end_to_end_id)
            update banksim.rules set applied_at = :now
            where end_to_end_id in (select end_to_end_id from rejected)
            """)
        .param("fileId", fileId)
        .param("now", ts(now))
        .update();
  }

  private static String requireIban(Party party, String role, BankFile file) {
    if (party == null || party.iban() == null || party.iban().isBlank()) {
      throw new IllegalArgumentException(
          "the bank refuses " + file.fileName() + ": a " + role + " without an IBAN");
    }
    return party.iban();
  }

  // ---------------------------------------------------------------------------------------------
  // The bank's day: acknowledge, settle, deliver.

  /**
   * One round of the bank's work at the clock's time: acknowledges the files whose answer is due,
   * settles the payments whose time has come, then hands the due outgoing files to the receiver,
   * oldest first. A file is marked delivered only once the receiver returned; one that threw is
   * offered again on the next tick (its attempts counted), one refused as invalid is set aside.
   * Safe to run on several nodes at once: each claims its rows with {@code FOR UPDATE SKIP LOCKED}.
   */
  public void tick() {
    Instant now = clock.instant();
    acknowledgeDue(now);
    settleDue(now);
    deliverDue(now);
  }

  private void acknowledgeDue(Instant now) {
    Instant cutoff = now.minus(properties.ackDelay());
    while (true) {
      int done =
          inTransaction(
              () -> {
                List<StoredFile> due =
                    jdbc.sql(
                            """
                            select id, type, message_id, xml, received_at
                            from banksim.received_files
                            where acknowledged_at is null and received_at <= :cutoff
                            order by received_at, id
                            limit :batch
                            for update skip locked
                            """)
                        .param("cutoff", ts(cutoff))
                        .param("batch", BATCH)
                        .query(BankSimulator::storedFile)
                        .list();
                for (StoredFile file : due) {
                  acknowledge(file, now);
                  jdbc.sql(
                          "update banksim.received_files set acknowledged_at = :now where id = :id")
                      .param("now", ts(now))
                      .param("id", file.id())
                      .update();
                }
                return due.size();
              });
      if (done < BATCH) {
        return;
      }
    }
  }

  private record StoredFile(
      long id, MessageType type, String messageId, byte[] xml, Instant receivedAt) {}

  private static StoredFile storedFile(ResultSet rs, int row) throws SQLException {
    return new StoredFile(
        rs.getLong("id"),
        MessageType.valueOf(rs.getString("type")),
        rs.getString("message_id"),
        rs.getBytes("xml"),
        instant(rs, "received_at"));
  }

  private void acknowledge(StoredFile file, Instant now) {
    BankMessage message = Iso20022.read(file.xml());
    Instant due = file.receivedAt().plus(properties.ackDelay());
    if (message instanceof CancellationRequest request) {
      resolveCancellation(request, due, now);
      return;
    }
    List<Item> items = new ArrayList<>();
    if (message instanceof CreditTransferInitiation pain001) {
      pain001.transfers().forEach(t -> items.add(new Item(t.endToEndId(), t.amountCents())));
    } else if (message instanceof DirectDebitInitiation pain008) {
      pain008.debits().forEach(d -> items.add(new Item(d.endToEndId(), d.amountCents())));
    }
    jdbc.sql(
            """
            update banksim.transactions set status = 'ACCEPTED', updated_at = :now
            where file_id = :fileId and status = 'RECEIVED'
            """)
        .param("now", ts(now))
        .param("fileId", file.id())
        .update();
    Map<String, SimulatedTransaction> own = new LinkedHashMap<>();
    Instant lastSettlement = null;
    for (Row row : rows("t.file_id = :fileId", Map.of("fileId", file.id()))) {
      own.put(row.transaction().endToEndId(), row.transaction());
      if (row.transaction().status() == SimulatedStatus.ACCEPTED
          || row.transaction().status() == SimulatedStatus.SETTLED) {
        lastSettlement = latest(lastSettlement, row.transaction().settleAt());
      }
    }
    List<TransactionStatusEntry> entries = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (Item item : items) {
      String endToEndId = item.endToEndId();
      long amount = item.amountCents();
      SimulatedTransaction t = own.get(endToEndId);
      if (t == null || !reported.add(endToEndId)) {
        entries.add(
            new TransactionStatusEntry(
                null, endToEndId, TransactionStatus.RJCT, DUPLICATE, amount));
        continue;
      }
      TransactionStatus status =
          switch (t.status()) {
            case REJECTED -> TransactionStatus.RJCT;
            case CANCELLED -> TransactionStatus.CANC;
            default -> TransactionStatus.ACCP;
          };
      entries.add(
          new TransactionStatusEntry(
              t.bankReference(),
              endToEndId,
              status,
              status == TransactionStatus.ACCP ? null : t.reason(),
              amount));
    }
    TransactionStatus first = entries.get(0).status();
    boolean uniform = entries.stream().allMatch(e -> e.status() == first);
    Instant deliverAt = due;
    if (properties.reorder() && lastSettlement != null) {
      deliverAt = latest(due, lastSettlement.plus(properties.ackDelay()));
    }
    queue(
        new PaymentStatusReport(
            nextMessageId(MessageType.PAIN_002),
            now,
            file.messageId(),
            file.type(),
            uniform ? first : null,
            null,
            entries),
        deliverAt,
        now);
  }

  /** One payment of a file as Avance wrote it. */
  private record Item(String endToEndId, long amountCents) {}

  private void resolveCancellation(CancellationRequest request, Instant deliverAt, Instant now) {
    Optional<SimulatedTransaction> found =
        rows(
                "t.end_to_end_id = :e2e and t.direction <> 'IN'",
                Map.of("e2e", request.originalEndToEndId()),
                true)
            .stream()
            .map(Row::transaction)
            .findFirst();
    CancellationResolution.Status status;
    String reason = null;
    if (found.isEmpty()) {
      status = CancellationResolution.Status.RJCR;
      reason = "NOOR";
    } else {
      switch (found.get().status()) {
        case RECEIVED, ACCEPTED -> {
          jdbc.sql(
                  """
                  update banksim.transactions
                  set status = 'CANCELLED', reason = :reason, updated_at = :now
                  where end_to_end_id = :e2e
                  """)
              .param("reason", request.reasonCode())
              .param("now", ts(now))
              .param("e2e", request.originalEndToEndId())
              .update();
          status = CancellationResolution.Status.CNCL;
        }
        case CANCELLED -> status = CancellationResolution.Status.CNCL;
        case REJECTED -> {
          status = CancellationResolution.Status.RJCR;
          reason = "ARJT";
        }
        default -> {
          status = CancellationResolution.Status.RJCR;
          reason = "ARDT";
        }
      }
    }
    queue(
        new CancellationResolution(
            nextMessageId(MessageType.CAMT_029),
            now,
            request.caseId(),
            status,
            request.originalMessageId(),
            request.originalEndToEndId(),
            reason),
        deliverAt,
        now);
  }

  private void settleDue(Instant now) {
    while (true) {
      int done =
          inTransaction(
              () -> {
                List<Row> due =
                    rowsWhere(
                        """
                        where t.status = 'ACCEPTED' and t.settle_at <= :now
                        order by t.settle_at, t.id
                        limit :batch
                        for update of t skip locked
                        """,
                        Map.of("now", ts(now), "batch", BATCH));
                Map<Long, List<SimulatedTransaction>> byFile = new LinkedHashMap<>();
                for (Row row : due) {
                  SimulatedTransaction t = row.transaction();
                  jdbc.sql(
                          """
                          update banksim.transactions
                          set status = 'SETTLED', settled_at = settle_at, updated_at = :now
                          where id = :id
                          """)
                      .param("now", ts(now))
                      .param("id", row.id())
                      .update();
                  if (t.direction() == Direction.OUT) {
                    post(row.id(), "SETTLEMENT", t.accountIban(), t.counterpartyIban(), t, now);
                  } else {
                    post(row.id(), "SETTLEMENT", t.counterpartyIban(), t.accountIban(), t, now);
                  }
                  byFile.computeIfAbsent(row.fileId(), k -> new ArrayList<>()).add(t);
                }
                byFile.values().forEach(settled -> notifySettlements(settled, now));
                return due.size();
              });
      if (done < BATCH) {
        return;
      }
    }
  }

  /** One camt.054 for the payments of one file settled together (one account, one date). */
  private void notifySettlements(List<SimulatedTransaction> settled, Instant now) {
    List<Entry> entries = new ArrayList<>();
    Instant deliverAt = null;
    for (SimulatedTransaction t : settled) {
      boolean payout = t.direction() == Direction.OUT;
      BankTransactionCode code =
          payout
              ? BankTransactionCode.ISSUED_CREDIT_TRANSFER
              : t.scheme() == SddScheme.B2B
                  ? BankTransactionCode.COLLECTED_B2B_DIRECT_DEBIT
                  : BankTransactionCode.COLLECTED_DIRECT_DEBIT;
      entries.add(
          entry(
              t,
              t.bankReference(),
              payout ? CreditDebit.DBIT : CreditDebit.CRDT,
              false,
              t.settlementDate(),
              code,
              null));
      deliverAt = latest(deliverAt, t.settleAt());
    }
    queueNotification(settled.get(0).accountIban(), entries, deliverAt, now);
  }

  private static Entry entry(
      SimulatedTransaction t,
      String reference,
      CreditDebit creditDebit,
      boolean reversal,
      LocalDate bookingDate,
      BankTransactionCode code,
      String returnReason) {
    return new Entry(
        reference,
        t.amountCents(),
        "EUR",
        creditDebit,
        reversal,
        EntryStatus.BOOK,
        bookingDate,
        bookingDate,
        reference,
        code,
        List.of(
            new EntryDetail(
                t.endToEndId() == null ? NOT_PROVIDED : t.endToEndId(),
                reference,
                t.amountCents(),
                new Party(t.counterpartyName(), t.counterpartyIban(), t.counterpartyBic()),
                t.remittance(),
                returnReason,
                t.mandateId())));
  }

  private void deliverDue(Instant now) {
    Set<Long> tried = new HashSet<>();
    while (true) {
      List<Outgoing> claimed = inTransaction(() -> claim(now, tried));
      if (claimed.isEmpty()) {
        return;
      }
      for (Outgoing file : claimed) {
        tried.add(file.id());
        deliver(file);
      }
    }
  }

  private record Outgoing(long id, MessageType type, String messageId, int copy, byte[] xml) {}

  /**
   * Holds the due files for a lease and commits, so that the receiver runs outside the bank's
   * transaction (a receiver on the same DataSource must not join it) and other nodes skip them.
   */
  private List<Outgoing> claim(Instant now, Set<Long> tried) {
    List<Outgoing> due =
        jdbc.sql(
                """
                select id, type, message_id, copy, xml from banksim.outgoing_files
                where delivered_at is null and refused_at is null and deliver_at <= :now
                  and (claimed_until is null or claimed_until <= :now)
                  and not (id = any (string_to_array(:tried, ',')::bigint[]))
                order by deliver_at, id
                limit :batch
                for update skip locked
                """)
            .param("now", ts(now))
            .param("tried", String.join(",", tried.stream().map(String::valueOf).toList()))
            .param("batch", BATCH)
            .query(
                (rs, n) ->
                    new Outgoing(
                        rs.getLong("id"),
                        MessageType.valueOf(rs.getString("type")),
                        rs.getString("message_id"),
                        rs.getInt("copy"),
                        rs.getBytes("xml")))
            .list();
    for (Outgoing file : due) {
      jdbc.sql("update banksim.outgoing_files set claimed_until = :until where id = :id")
          .param("until", ts(now.plus(CLAIM_LEASE)))
          .param("id", file.id())
          .update();
    }
    return due;
  }

  private void deliver(Outgoing file) {
    String outcome;
    String error = null;
    try {
      receiver.receive(Channel.SANDBOX, file.xml());
      outcome = "delivered_at";
    } catch (InvalidBankMessageException e) {
      // Offering it again would fail the same way: set aside, the others go on.
      log.warn(
          "bank simulator: Avance refused {} {} (copy {}) as invalid; not offered again",
          file.type().code(),
          file.messageId(),
          file.copy());
      outcome = "refused_at";
      error = e.getMessage();
    } catch (RuntimeException e) {
      log.warn(
          "bank simulator: delivering {} {} (copy {}) failed ({}); next tick tries again",
          file.type().code(),
          file.messageId(),
          file.copy(),
          e.getClass().getSimpleName());
      outcome = null;
      error = e.getClass().getName() + ": " + e.getMessage();
    }
    String column = outcome;
    String lastError = error == null ? null : truncate(error, 1000);
    Instant at = clock.instant();
    inTransaction(
        () ->
            jdbc.sql(
                    "update banksim.outgoing_files set attempts = attempts + 1, claimed_until = null,"
                        + " last_error = :error"
                        + (column == null ? "" : ", " + column + " = :at")
                        + " where id = :id")
                .param("error", lastError)
                .param("at", ts(at))
                .param("id", file.id())
                .update());
  }

  // ---------------------------------------------------------------------------------------------
  // Sandbox controls: the outside world.

  /**
   * Rejects a payment: at once (pain.002 RJCT with {@code reason}) when the bank holds it and has
   * not settled it, or when it arrives when it has not reached the bank yet. Rejecting an already
   * rejected payment keeps its first reason.
   *
   * @throws IllegalStateException when the payment has settled, been returned or cancelled
   */
  public Rejection reject(String endToEndId, String reason) {
    requireText(endToEndId, "endToEndId");
    requireReason(reason);
    Instant now = clock.instant();
    return inTransaction(
        () -> {
          Optional<Row> found = ownPaymentForUpdate(endToEndId);
          if (found.isEmpty()) {
            jdbc.sql(
                    """
                    insert into banksim.rules (end_to_end_id, action, reason, created_at)
                    values (:e2e, 'REJECT', :reason, :now)
                    on conflict (end_to_end_id) do update set reason = excluded.reason
                    """)
                .param("e2e", endToEndId)
                .param("reason", reason)
                .param("now", ts(now))
                .update();
            return Rejection.WHEN_RECEIVED;
          }
          Row row = found.get();
          SimulatedStatus status = row.transaction().status();
          switch (status) {
            case REJECTED -> {
              return Rejection.REJECTED_NOW;
            }
            case RECEIVED, ACCEPTED -> {
              rejectNow(row, reason, now);
              return Rejection.REJECTED_NOW;
            }
            default ->
                throw new IllegalStateException(
                    "payment " + endToEndId + " is " + status + ": too late to reject it");
          }
        });
  }

  /**
   * A received-not-settled payment becomes REJECTED. Not yet acknowledged, its file's pain.002 will
   * say so; acknowledged (ACCP sent), a pain.002 of its own says RJCT.
   */
  private void rejectNow(Row row, String reason, Instant now) {
    SimulatedTransaction t = row.transaction();
    jdbc.sql(
            """
            update banksim.transactions set status = 'REJECTED', reason = :reason, updated_at = :now
            where id = :id
            """)
        .param("reason", reason)
        .param("now", ts(now))
        .param("id", row.id())
        .update();
    if (t.status() == SimulatedStatus.ACCEPTED) {
      queue(
          new PaymentStatusReport(
              nextMessageId(MessageType.PAIN_002),
              now,
              t.messageId(),
              row.fileType(),
              null,
              null,
              List.of(
                  new TransactionStatusEntry(
                      t.bankReference(),
                      t.endToEndId(),
                      TransactionStatus.RJCT,
                      reason,
                      t.amountCents()))),
          now,
          now);
    }
  }

  /**
   * The debtor's bank returns a collected direct debit: the ledger is reversed and a camt.054 books
   * a DBIT reversal (RvslInd, PMNT/IDDT/UPDD, RtrInf/Rsn/Cd) on Avance's account. Windows, from the
   * settlement date: CORE, 5 TARGET business days for any reason code, 8 weeks for a refund (MD06);
   * B2B, 2 business days. A debit not yet settled is rejected instead (pain.002 RJCT with the code;
   * it never settles). Returning a returned debit again changes nothing.
   *
   * @throws NoSuchElementException when the bank holds no such direct debit
   * @throws IllegalArgumentException when it is not a direct debit or the code is no R-code
   * @throws IllegalStateException outside the window, or when it was rejected or cancelled
   */
  public SimulatedTransaction returnDirectDebit(String endToEndId, String reasonCode) {
    requireText(endToEndId, "endToEndId");
    requireReason(reasonCode);
    Instant now = clock.instant();
    inTransaction(
        () -> {
          Row row =
              ownPaymentForUpdate(endToEndId)
                  .orElseThrow(
                      () ->
                          new NoSuchElementException("no payment " + endToEndId + " at the bank"));
          SimulatedTransaction t = row.transaction();
          if (t.direction() != Direction.DEBIT) {
            throw new IllegalArgumentException(
                endToEndId + " is a credit transfer, not a direct debit");
          }
          switch (t.status()) {
            case RETURNED -> {
              return null;
            }
            case RECEIVED, ACCEPTED -> {
              rejectNow(row, reasonCode, now);
              return null;
            }
            case SETTLED -> {
              LocalDate today = day(now);
              LocalDate lastDay = lastReturnDay(t, reasonCode);
              if (today.isAfter(lastDay)) {
                throw new IllegalStateException(
                    "direct debit "
                        + endToEndId
                        + " settled on "
                        + t.settlementDate()
                        + ": a "
                        + t.scheme()
                        + " return with "
                        + reasonCode
                        + " was possible until "
                        + lastDay
                        + ", today is "
                        + today);
              }
              returnSettled(row, reasonCode, now);
              return null;
            }
            default ->
                throw new IllegalStateException(
                    "direct debit " + endToEndId + " is " + t.status() + ": nothing to return");
          }
        });
    return transaction(endToEndId).orElseThrow();
  }

  private static LocalDate lastReturnDay(SimulatedTransaction t, String reasonCode) {
    if (t.scheme() == SddScheme.B2B) {
      return TargetCalendar.addBusinessDays(t.settlementDate(), B2B_RETURN_BUSINESS_DAYS);
    }
    LocalDate anyReason =
        TargetCalendar.addBusinessDays(t.settlementDate(), CORE_RETURN_BUSINESS_DAYS);
    if (REFUND.equals(reasonCode)) {
      LocalDate refund = t.settlementDate().plus(REFUND_WINDOW);
      return refund.isAfter(anyReason) ? refund : anyReason;
    }
    return anyReason;
  }

  private void returnSettled(Row row, String reasonCode, Instant now) {
    SimulatedTransaction t = row.transaction();
    jdbc.sql(
            """
            update banksim.transactions
            set status = 'RETURNED', reason = :reason, returned_at = :now, updated_at = :now
            where id = :id
            """)
        .param("reason", reasonCode)
        .param("now", ts(now))
        .param("id", row.id())
        .update();
    post(row.id(), "RETURN", t.accountIban(), t.counterpartyIban(), t, now);
    queueNotification(
        t.accountIban(),
        List.of(
            entry(
                t,
                t.bankReference() + "R",
                CreditDebit.DBIT,
                true,
                day(now),
                BankTransactionCode.UNPAID_DIRECT_DEBIT,
                reasonCode)),
        now,
        now);
  }

  /**
   * Money from outside arrives on one of Avance's accounts: booked at once and notified by a
   * camt.054 CRDT entry (PMNT/RCDT/ESCT) on {@code toIban}. Idempotent by bank reference.
   *
   * @param remittanceInformation free text (Ustrd), at most 140 characters, or null
   * @param creditorReference an RF creditor reference (Strd), or null
   * @param bankReference the bank's reference of the booking (AcctSvcrRef); null to have one made
   * @return the bank reference
   * @throws IllegalStateException when the reference was used for another credit
   */
  public String incomingTransfer(
      String toIban,
      long amountCents,
      String fromIban,
      String fromName,
      String remittanceInformation,
      String creditorReference,
      String bankReference) {
    requireText(toIban, "toIban");
    requireText(fromIban, "fromIban");
    if (amountCents <= 0) {
      throw new IllegalArgumentException("an incoming transfer moves a positive amount");
    }
    if (remittanceInformation != null && remittanceInformation.length() > 140) {
      throw new IllegalArgumentException("remittance information is at most 140 characters");
    }
    if (bankReference != null && (bankReference.isBlank() || bankReference.length() > 35)) {
      throw new IllegalArgumentException("a bank reference has 1 to 35 characters");
    }
    Instant now = clock.instant();
    return inTransaction(
        () -> {
          String reference =
              bankReference != null
                  ? bankReference
                  : jdbc.sql(
                          "select 'BSIMI' || lpad(nextval('banksim.reference_seq')::text, 12, '0')")
                      .query(String.class)
                      .single();
          Long id =
              jdbc.sql(
                      """
                      insert into banksim.transactions (bank_reference, direction, amount_cents,
                          account_iban, counterparty_iban, counterparty_name, remittance_text,
                          creditor_reference, settle_at, settlement_date, status, received_at,
                          settled_at, updated_at)
                      values (:reference, 'IN', :amount, :to, :from, :fromName, :text, :cref,
                          :now, :today, 'SETTLED', :now, :now, :now)
                      on conflict (bank_reference) do nothing
                      returning id
                      """)
                  .param("reference", reference)
                  .param("amount", amountCents)
                  .param("to", toIban)
                  .param("from", fromIban)
                  .param("fromName", fromName)
                  .param("text", remittanceInformation)
                  .param("cref", creditorReference)
                  .param("now", ts(now))
                  .param("today", day(now))
                  .query(Long.class)
                  .optional()
                  .orElse(null);
          if (id == null) {
            SimulatedTransaction existing =
                rows("t.bank_reference = :reference", Map.of("reference", reference)).stream()
                    .findFirst()
                    .orElseThrow()
                    .transaction();
            if (existing.direction() != Direction.IN
                || existing.amountCents() != amountCents
                || !existing.accountIban().equals(toIban)) {
              throw new IllegalStateException(
                  "bank reference " + reference + " is already used by another booking");
            }
            return reference;
          }
          SimulatedTransaction t =
              rows("t.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow().transaction();
          post(id, "SETTLEMENT", fromIban, toIban, t, now);
          queueNotification(
              toIban,
              List.of(
                  entry(
                      t,
                      reference,
                      CreditDebit.CRDT,
                      false,
                      day(now),
                      BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
                      null)),
              now,
              now);
          return reference;
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Inspection, for tests and the sandbox.

  /** The payment Avance sent with this EndToEndId. */
  public Optional<SimulatedTransaction> transaction(String endToEndId) {
    return inTransaction(
        () ->
            rows("t.end_to_end_id = :e2e", Map.of("e2e", endToEndId)).stream()
                .map(Row::transaction)
                .findFirst());
  }

  /** The booking with this bank reference (the way to find an incoming credit). */
  public Optional<SimulatedTransaction> transactionByBankReference(String bankReference) {
    return inTransaction(
        () ->
            rows("t.bank_reference = :reference", Map.of("reference", bankReference)).stream()
                .map(Row::transaction)
                .findFirst());
  }

  /** Every payment the bank holds, in the order it received them. */
  public List<SimulatedTransaction> transactions() {
    return inTransaction(
        () -> rowsWhere("order by t.id", Map.of()).stream().map(Row::transaction).toList());
  }

  /** The balance of an account from the postings: what moved in minus what moved out. */
  public long balance(String iban) {
    return inTransaction(
        () ->
            jdbc.sql(
                    "select coalesce(sum(amount_cents), 0) from banksim.postings"
                        + " where account_iban = :iban")
                .param("iban", iban)
                .query(Long.class)
                .single());
  }

  /**
   * The amount of the payments of a direction that are settled and stay so (a returned debit no
   * longer counts).
   */
  public long settledTotal(Direction direction) {
    return inTransaction(
        () ->
            jdbc.sql(
                    "select coalesce(sum(amount_cents), 0) from banksim.transactions"
                        + " where direction = :direction and status = 'SETTLED'")
                .param("direction", direction.name())
                .query(Long.class)
                .single());
  }

  /** The sum of every posting: 0 as long as the ledger balances. */
  public long ledgerSum() {
    return inTransaction(
        () ->
            jdbc.sql("select coalesce(sum(amount_cents), 0) from banksim.postings")
                .query(Long.class)
                .single());
  }

  /** Every file queued for Avance, oldest due first. */
  public List<Delivery> deliveries() {
    return inTransaction(
        () ->
            jdbc.sql(
                    """
                    select id, type, message_id, copy, deliver_at, delivered_at, attempts,
                        refused_at is not null as refused
                    from banksim.outgoing_files order by deliver_at, id
                    """)
                .query(
                    (rs, n) ->
                        new Delivery(
                            rs.getLong("id"),
                            MessageType.valueOf(rs.getString("type")),
                            rs.getString("message_id"),
                            rs.getInt("copy"),
                            instant(rs, "deliver_at"),
                            instant(rs, "delivered_at"),
                            rs.getInt("attempts"),
                            rs.getBoolean("refused")))
                .list());
  }

  // ---------------------------------------------------------------------------------------------
  // Books and files.

  /** One movement, two legs: {@code from} loses the amount, {@code to} gains it. */
  private void post(
      long transactionId,
      String kind,
      String from,
      String to,
      SimulatedTransaction t,
      Instant now) {
    LocalDate bookedOn = "SETTLEMENT".equals(kind) ? t.settlementDate() : day(now);
    if (bookedOn == null) {
      bookedOn = day(now);
    }
    for (Object[] leg :
        new Object[][] {{"DEBIT", from, -t.amountCents()}, {"CREDIT", to, t.amountCents()}}) {
      jdbc.sql(
              """
              insert into banksim.postings (transaction_id, kind, leg, account_iban,
                  amount_cents, booked_on, created_at)
              values (:tx, :kind, :leg, :account, :amount, :bookedOn, :now)
              """)
          .param("tx", transactionId)
          .param("kind", kind)
          .param("leg", leg[0])
          .param("account", leg[1])
          .param("amount", leg[2])
          .param("bookedOn", bookedOn)
          .param("now", ts(now))
          .update();
    }
  }

  private void queueNotification(
      String accountIban, List<Entry> entries, Instant deliverAt, Instant now) {
    String messageId = nextMessageId(MessageType.CAMT_054);
    queue(
        new DebitCreditNotification(
            messageId, now, List.of(new AccountEntries(messageId + "-1", accountIban, entries))),
        deliverAt,
        now);
  }

  private void queue(BankMessage message, Instant deliverAt, Instant now) {
    byte[] xml = Iso20022.write(message);
    insertOutgoing(message, 1, xml, deliverAt, now);
    if (properties.duplicateDeliveries()) {
      insertOutgoing(message, 2, xml, deliverAt.plus(properties.duplicateDelay()), now);
    }
  }

  private void insertOutgoing(
      BankMessage message, int copy, byte[] xml, Instant deliverAt, Instant now) {
    jdbc.sql(
            """
            insert into banksim.outgoing_files (type, message_id, copy, xml, created_at,
                deliver_at)
            values (:type, :messageId, :copy, :xml, :now, :deliverAt)
            """)
        .param("type", message.type().name())
        .param("messageId", message.messageId())
        .param("copy", copy)
        .param("xml", xml)
        .param("now", ts(now))
        .param("deliverAt", ts(deliverAt))
        .update();
  }

  /** The bank's message ids: unique across nodes and restarts, 35 characters at most. */
  private String nextMessageId(MessageType type) {
    long n = jdbc.sql("select nextval('banksim.message_seq')").query(Long.class).single();
    return String.format("BSIM-%s-%012d", type.code().substring(0, 8).replace(".", ""), n)
        .toUpperCase(java.util.Locale.ROOT);
  }

  private record Row(
      long id, Long fileId, MessageType fileType, SimulatedTransaction transaction) {}

  private Optional<Row> ownPaymentForUpdate(String endToEndId) {
    return rows("t.end_to_end_id = :e2e", Map.of("e2e", endToEndId), true).stream().findFirst();
  }

  private List<Row> rows(String condition, Map<String, ?> params) {
    return rows(condition, params, false);
  }

  private List<Row> rows(String condition, Map<String, ?> params, boolean forUpdate) {
    return rowsWhere(
        "where " + condition + " order by t.id" + (forUpdate ? " for update of t" : ""), params);
  }

  private List<Row> rowsWhere(String tail, Map<String, ?> params) {
    return jdbc.sql(
            "select "
                + TRANSACTION_COLUMNS
                + " from banksim.transactions t"
                + " left join banksim.received_files f on f.id = t.file_id "
                + tail)
        .params(params)
        .query(BankSimulator::row)
        .list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String scheme = rs.getString("scheme");
    String fileType = rs.getString("file_type");
    long fileId = rs.getLong("file_id");
    Long file = rs.wasNull() ? null : fileId;
    return new Row(
        rs.getLong("id"),
        file,
        fileType == null ? null : MessageType.valueOf(fileType),
        new SimulatedTransaction(
            rs.getString("end_to_end_id"),
            rs.getString("bank_reference"),
            Direction.valueOf(rs.getString("direction")),
            rs.getLong("amount_cents"),
            rs.getString("account_iban"),
            rs.getString("counterparty_iban"),
            rs.getString("counterparty_name"),
            rs.getString("counterparty_bic"),
            remittance(rs.getString("remittance_text"), rs.getString("creditor_reference")),
            rs.getBoolean("instant"),
            scheme == null ? null : SddScheme.valueOf(scheme),
            rs.getString("mandate_id"),
            rs.getObject("requested_date", LocalDate.class),
            rs.getObject("settlement_date", LocalDate.class),
            instant(rs, "settle_at"),
            SimulatedStatus.valueOf(rs.getString("status")),
            rs.getString("reason"),
            rs.getString("message_id"),
            instant(rs, "received_at"),
            instant(rs, "settled_at"),
            instant(rs, "returned_at")));
  }

  // ---------------------------------------------------------------------------------------------
  // Small things.

  private <T> T inTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }

  /** The business day a dated payment settles on: its date, or today when past, rolled forward. */
  private static LocalDate businessDayFrom(LocalDate requested, Instant now) {
    LocalDate today = day(now);
    LocalDate from = requested == null || requested.isBefore(today) ? today : requested;
    return TargetCalendar.nextBusinessDayOnOrAfter(from);
  }

  static LocalDate day(Instant instant) {
    return instant.atZone(BANK_ZONE).toLocalDate();
  }

  private static Instant startOf(LocalDate date) {
    return date.atStartOfDay(BANK_ZONE).toInstant();
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }

  private static Remittance remittance(String text, String creditorReference) {
    return text == null && creditorReference == null
        ? null
        : new Remittance(text, creditorReference);
  }

  private static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || !REASON_CODE.matcher(reason).matches()) {
      throw new IllegalArgumentException(
          "a reason is an ISO code of two letters and two digits (AM04, MD06...), not " + reason);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
