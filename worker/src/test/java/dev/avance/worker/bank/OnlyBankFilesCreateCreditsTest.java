package dev.avance.worker.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Invariant 8 in the code itself: money enters Avance only through a bank message. Every statement
 * of the production sources that creates an incoming credit, or marks an outgoing payment paid, is
 * in the inbox's entry applier; the only other writer of a paid incoming payment is the
 * reconciliation of such a credit. A new writer anywhere else fails this test and must be reviewed
 * as a way for money to appear without the bank.
 */
class OnlyBankFilesCreateCreditsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void onlyTheEntryApplierCreatesIncomingCredits() throws IOException {
    assertThat(writers("insert into bank_incoming_credits"))
        .containsExactly(
            "activities/src/main/java/dev/avance/activities/bank/BankEntryApplier.java");
  }

  @Test
  void onlyTheReconciliationOfACreditRecordsAnIncomingTransfer() throws IOException {
    assertThat(writers("'INCOMING_TRANSFER', :amount, 'PAID'"))
        .containsExactly(
            "activities/src/main/java/dev/avance/activities/reconciliation/IncomingCreditActivitiesImpl.java");
  }

  @Test
  void onlyTheEntryApplierRecordsWhatTheBankSettled() throws IOException {
    assertThat(writers("recordBankFact("))
        .containsExactlyInAnyOrder(
            "activities/src/main/java/dev/avance/activities/bank/BankEntryApplier.java",
            "activities/src/main/java/dev/avance/activities/payment/PaymentRepository.java");
    assertThat(writers("settled_amount_cents = coalesce"))
        .containsExactly(
            "activities/src/main/java/dev/avance/activities/payment/PaymentRepository.java");
  }

  /** The production sources (every module's src/main) that contain the statement. */
  private static List<String> writers(String statement) throws IOException {
    String needle = statement.toLowerCase(Locale.ROOT);
    List<Path> sources;
    try (Stream<Path> modules = Files.list(ROOT)) {
      sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
    }
    assertThat(sources).as("the modules' sources, seen from " + ROOT).hasSizeGreaterThan(4);
    List<String> found = new java.util.ArrayList<>();
    for (Path source : sources) {
      try (Stream<Path> files = Files.walk(source)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .filter(
                f -> {
                  try {
                    return Files.readString(f).toLowerCase(Locale.ROOT).contains(needle);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .map(f -> ROOT.relativize(f).toString())
            .forEach(found::add);
      }
    }
    return found.stream().sorted().toList();
  }
}
