package dev.avance.activities.bank;

import dev.avance.bank.iso20022.AccountEntries;
import dev.avance.bank.iso20022.AccountEntries.Entry;
import dev.avance.bank.iso20022.AccountEntries.EntryDetail;
import dev.avance.bank.iso20022.BankTransactionCode;
import dev.avance.bank.iso20022.CancellationResolution;
import dev.avance.bank.iso20022.CreditDebit;
import dev.avance.bank.iso20022.DebitCreditNotification;
import dev.avance.bank.iso20022.EntryStatus;
import dev.avance.bank.iso20022.Iso20022;
import dev.avance.bank.iso20022.MessageType;
import dev.avance.bank.iso20022.Party;
import dev.avance.bank.iso20022.PaymentStatusReport;
import dev.avance.bank.iso20022.PaymentStatusReport.TransactionStatusEntry;
import dev.avance.bank.iso20022.Remittance;
import dev.avance.bank.iso20022.TransactionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's files as tests send them to the inbox: written with {@link Iso20022#write} (so valid
 * against their XSD, as a bank's are), or read from the hand-written fixtures under {@code
 * src/test/resources/bank/} with their {@code ${NAME}} placeholders filled in.
 */
public final class BankTestFiles {
  /** Avance's own account (the default of {@code avance.bank.iban}). */
  public static final String AVANCE_IBAN = "FR7630006000010001234567846";

  private static final Instant CREATED = Instant.parse("2026-03-02T18:00:00Z");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

  private BankTestFiles() {}

  /** A pain.002 with one payment's status. */
  public static byte[] status(
      String messageId, String endToEndId, TransactionStatus status, String reasonCode) {
    return Iso20022.write(
        new PaymentStatusReport(
            messageId,
            CREATED,
            original(messageId),
            MessageType.PAIN_001,
            null,
            null,
            List.of(new TransactionStatusEntry(null, endToEndId, status, reasonCode, null))));
  }

  /** Some id of Avance's file, at most 35 characters as the schema wants. */
  private static String original(String messageId) {
    String id = "O-" + messageId;
    return id.length() > 35 ? id.substring(0, 35) : id;
  }

  /** A camt.054 with these bookings on this account. */
  public static byte[] notification(String messageId, String accountIban, Booking... bookings) {
    return Iso20022.write(
        new DebitCreditNotification(
            messageId,
            CREATED,
            List.of(
                new AccountEntries(
                    messageId + "-1",
                    accountIban,
                    Arrays.stream(bookings).map(Booking::entry).toList()))));
  }

  /** A camt.029 answering the withdrawal of one payment. */
  public static byte[] resolution(
      String messageId,
      String caseId,
      CancellationResolution.Status status,
      String endToEndId,
      String reasonCode) {
    return Iso20022.write(
        new CancellationResolution(
            // The request's assignment id is its case id (PaymentMessages.cancellation).
            messageId, CREATED, caseId, status, caseId, endToEndId, reasonCode));
  }

  /** A fixture of {@code src/test/resources/bank/}, each {@code ${NAME}} replaced by its value. */
  public static byte[] fixture(String name, Map<String, String> values) {
    String xml;
    try (InputStream in = BankTestFiles.class.getResourceAsStream("/bank/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m = PLACEHOLDER.matcher(xml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(name + " needs a value for " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (out.indexOf("${") >= 0) {
      throw new IllegalArgumentException(name + " has a placeholder left: " + out);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A fresh directory for a drop folder, removed with the JVM's temporary files. */
  public static Path tempDropFolder() {
    try {
      Path dir = Files.createTempDirectory("avance-bank-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One booking of a camt.054, with one transaction. */
  public static final class Booking {
    private final String bankReference;
    private final CreditDebit direction;
    private final long amountCents;
    private String currency = "EUR";
    private boolean reversal;
    private EntryStatus status = EntryStatus.BOOK;
    private LocalDate day = LocalDate.of(2026, 3, 4);
    private BankTransactionCode code;
    private String endToEndId;
    private Party counterparty;
    private Remittance remittance;
    private String returnReason;

    private Booking(String bankReference, CreditDebit direction, long amountCents) {
      this.bankReference = bankReference;
      this.direction = direction;
      this.amountCents = amountCents;
    }

    /** Money in (CRDT), under the bank's reference of the transaction. */
    public static Booking credit(String bankReference, long amountCents) {
      return new Booking(bankReference, CreditDebit.CRDT, amountCents);
    }

    /** Money out (DBIT). */
    public static Booking debit(String bankReference, long amountCents) {
      return new Booking(bankReference, CreditDebit.DBIT, amountCents);
    }

    public Booking endToEndId(String value) {
      endToEndId = value;
      return this;
    }

    public Booking on(LocalDate value) {
      day = value;
      return this;
    }

    public Booking currency(String value) {
      currency = value;
      return this;
    }

    public Booking status(EntryStatus value) {
      status = value;
      return this;
    }

    public Booking code(BankTransactionCode value) {
      code = value;
      return this;
    }

    /** The reversal of an earlier booking (RvslInd), with its return reason. */
    public Booking reversal(String reason) {
      reversal = true;
      returnReason = reason;
      return this;
    }

    public Booking counterparty(String name, String iban) {
      counterparty = new Party(name, iban, null);
      return this;
    }

    public Booking remittance(Remittance value) {
      remittance = value;
      return this;
    }

    Entry entry() {
      return new Entry(
          null,
          amountCents,
          currency,
          direction,
          reversal,
          status,
          status == EntryStatus.BOOK ? day : null,
          day,
          bankReference,
          code,
          List.of(
              new EntryDetail(
                  endToEndId, null, amountCents, counterparty, remittance, returnReason, null)));
    }
  }

  /** The values of a fixture's placeholders, in pairs (name, value). */
  public static Map<String, String> values(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("pairs of name and value");
    }
    java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
