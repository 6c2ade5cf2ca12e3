package dev.avance.worker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid SIRENs for tests. The simulated registry reads the 3rd and 4th digits as the scenario ("90"
 * insolvent, "91" struck off, "92" not commercial, "93" too young, "94" unknown; anything else
 * eligible) and the 5th as the revenue band.
 */
final class Sirens {
  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1000));

  private Sirens() {}

  /** A fresh valid SIREN whose scenario digits are {@code scenario} (two digits). */
  static String next(String scenario) {
    String payload =
        "1"
            + (SEQUENCE.incrementAndGet() % 10)
            + scenario
            + String.format("%04d", SEQUENCE.get() % 10000);
    return payload + luhnCheckDigit(payload);
  }

  /** An eligible company with the top revenue band (EUR 20M), so the largest credit line. */
  static String rich() {
    String payload =
        "1"
            + (SEQUENCE.incrementAndGet() % 10)
            + "009"
            + String.format("%03d", SEQUENCE.get() % 1000);
    return payload + luhnCheckDigit(payload);
  }

  static String eligible() {
    return next("00");
  }

  static int luhnCheckDigit(String payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      int digit = payload.charAt(payload.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }
}
