package dev.avance.bank.iso20022;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Conversions shared by the mappers of every message. */
final class Values {
  static final String EUR = "EUR";

  /**
   * The EPC's placeholder for an identifier the schema requires and the sender does not have (a BIC
   * that SEPA no longer asks for, an EndToEndId the payer gave none).
   */
  static final String NOT_PROVIDED = "NOTPROVIDED";

  private Values() {}

  /** Cents as a decimal of scale 2, exactly: 1234 is 12.34, 5 is 0.05. */
  static BigDecimal decimal(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /**
   * A decimal amount as cents, exactly: 12 is 1200 cents, 12.3, 12.30 and 12.300 are 1230; a
   * fraction of a cent has no representation in cents and is refused rather than rounded.
   */
  static long cents(BigDecimal amount, String where) {
    BigDecimal cents = amount.movePointRight(2);
    try {
      return cents.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidBankMessageException(
          where + ": the amount " + amount.toPlainString() + " is not a whole number of cents");
    }
  }

  /** The sum of the amounts, as GrpHdr/CtrlSum and PmtInf/CtrlSum state it. */
  static <T> BigDecimal controlSum(List<T> items, Function<T, Long> cents) {
    long sum = 0;
    for (T item : items) {
      sum = Math.addExact(sum, cents.apply(item));
    }
    return decimal(sum);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  static void requirePositive(long cents, String what) {
    // The XSD allows 0; the SEPA rulebooks do not (0.01 to 999999999.99).
    require(cents > 0, what + " must be at least 1 cent, not " + cents);
  }

  static LocalDate bankDay(Instant instant) {
    return instant.atZone(dev.avance.bank.iso20022.jaxb.IsoDateTimeAdapter.BANK_ZONE).toLocalDate();
  }

  /** A message type from an OrgnlMsgNmId, which banks spell in more than one way. */
  static MessageType typeFromName(String name) {
    if (name == null) {
      return null;
    }
    String code = name.strip().toLowerCase(java.util.Locale.ROOT);
    return MessageType.byCode(code)
        .orElseGet(
            () -> {
              for (MessageType type : MessageType.values()) {
                // "pain.001" or "pain.001.001.03" for our pain.001: the family is what matters.
                if (code.startsWith(type.code().substring(0, 8))) {
                  return type;
                }
              }
              return null;
            });
  }

  static <T> T first(List<T> list) {
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  static <T> T single(List<T> list, String what) {
    Objects.requireNonNull(list);
    if (list.size() != 1) {
      throw new InvalidBankMessageException(
          what + ": expected exactly one, the file has " + list.size());
    }
    return list.get(0);
  }

  /**
   * What a bank's RmtInf says: its Ustrd lines (EPC allows one; a bank forwarding a longer text may
   * split it over several, joined here with a space) and a structured reference.
   */
  static Remittance remittance(List<String> unstructured, String creditorReference) {
    String text = unstructured.isEmpty() ? null : String.join(" ", unstructured);
    return text == null && creditorReference == null
        ? null
        : new Remittance(text, creditorReference);
  }

  static String nbOfTxs(List<?> items) {
    return Integer.toString(items.size());
  }
}
