package dev.avance.activities.bank;

import static dev.avance.activities.bank.BankTestFiles.AVANCE_IBAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avance.activities.CreditTestApplication;
import dev.avance.activities.RealPostgresTest;
import dev.avance.activities.bank.BankTestFiles.Booking;
import dev.avance.bank.BankFile;
import dev.avance.bank.BankUnavailableException;
import dev.avance.bank.iso20022.MessageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The live bank's drop folder: {@link DropFolderInbox} (the production bean, on the real inbox and
 * PostgreSQL) and {@link DropFolderBankConnector}.
 */
@SpringBootTest(
    classes = {CreditTestApplication.class, BankTestConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.flyway.locations=classpath:db/migration")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DropFolderInboxTest extends RealPostgresTest {
  private static final Path DROP = BankTestFiles.tempDropFolder();

  @Autowired private DropFolderInbox dropFolder;
  @Autowired private JdbcClient jdbc;

  @DynamicPropertySource
  static void dropFolder(DynamicPropertyRegistry registry) {
    registry.add("avance.bank.drop-folder", DROP::toString);
  }

  @BeforeEach
  void cleanSlate() throws IOException {
    jdbc.sql(
            "truncate table ledger_lines, ledger_entries, ledger_accounts, bank_entries, bank_messages, bank_incoming_credits cascade")
        .update();
    FileSystemUtils.deleteRecursively(DROP.resolve("in"));
    Files.createDirectories(DROP.resolve("in"));
  }

  @Test
  void theLiveInboxIsTheConfiguredDropFoldersIn() {
    assertThat(dropFolder.inbox()).isEqualTo(DROP.resolve("in"));
  }

  @Test
  void filesInTheInboxAreReceivedThenMovedToProcessed() throws IOException {
    byte[] credit = creditFile("CAMT-1", "R-1", 12_345);
    byte[] other = creditFile("CAMT-2", "R-2", 678);
    write("camt054-1.xml", credit);
    write("camt054-2.xml", other);

    assertThat(dropFolder.poll()).isEqualTo(2);

    assertThat(names(in())).isEmpty();
    assertThat(names(in().resolve("processed"))).containsExactly("camt054-1.xml", "camt054-2.xml");
    assertThat(Files.readAllBytes(in().resolve("processed/camt054-1.xml"))).isEqualTo(credit);
    assertThat(
            count("select count(*) from bank_messages where direction = 'IN' and channel = 'LIVE'"))
        .isEqualTo(2);
    assertThat(count("select coalesce(sum(amount_cents), 0) from bank_incoming_credits"))
        .isEqualTo(12_345 + 678);
    assertThat(dropFolder.poll()).as("nothing left").isZero();
  }

  @Test
  void anInvalidFileIsMovedToRejectedWithItsErrorAndAppliesNothing() throws IOException {
    write(
        "broken.xml",
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><Oops/></Document>"
            .getBytes(StandardCharsets.UTF_8));

    assertThat(dropFolder.poll()).isEqualTo(1);

    Path rejected = in().resolve("rejected");
    assertThat(names(rejected)).containsExactly("broken.xml", "broken.xml.error.txt");
    assertThat(Files.readString(rejected.resolve("broken.xml.error.txt"))).contains("camt.054");
    assertThat(names(in())).isEmpty();
    assertThat(count("select count(*) from bank_messages")).isZero();
    assertThat(count("select count(*) from bank_entries")).isZero();
  }

  @Test
  void aFileReceivedAgainAfterACrashBeforeItsMoveChangesNothing() throws IOException {
    byte[] credit = creditFile("CAMT-1", "R-1", 12_345);
    write("camt054-1.xml", credit);
    dropFolder.poll();
    // The process died after the commit and before the move: the file is still in in/.
    write("camt054-1.xml", credit);

    assertThat(dropFolder.poll()).isEqualTo(1);

    assertThat(names(in())).isEmpty();
    assertThat(names(in().resolve("processed"))).containsExactly("camt054-1.xml");
    assertThat(count("select count(*) from bank_messages")).isEqualTo(1);
    assertThat(count("select count(*) from bank_entries")).isEqualTo(1);
    assertThat(count("select coalesce(sum(amount_cents), 0) from bank_incoming_credits"))
        .isEqualTo(12_345);
  }

  @Test
  void filesBeingWrittenAndOtherFilesAreLeftAlone() throws IOException {
    write(".camt054-1.xml", creditFile("CAMT-1", "R-1", 100));
    write("notes.txt", "not a bank file".getBytes(StandardCharsets.UTF_8));

    assertThat(dropFolder.poll()).isZero();

    assertThat(names(in())).containsExactly(".camt054-1.xml", "notes.txt");
    assertThat(count("select count(*) from bank_messages")).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // DropFolderBankConnector

  @Test
  void theConnectorWritesTheFileWhole(@TempDir Path folder) throws IOException {
    DropFolderBankConnector connector = new DropFolderBankConnector(folder);
    BankFile file =
        new BankFile(MessageType.PAIN_001, "AM/0001 x", "<xml/>".getBytes(StandardCharsets.UTF_8));
    // What a crash in the middle of a write leaves: a partial temporary file.
    Files.createDirectories(folder.resolve("out"));
    Files.writeString(folder.resolve("out/.pain.001.001.10.AM_0001_x.xml.tmp"), "<xm");

    connector.send(file);

    assertThat(connector.outbox()).isEqualTo(folder.resolve("out"));
    assertThat(names(folder.resolve("out"))).containsExactly("pain.001.001.10.AM_0001_x.xml");
    assertThat(Files.readAllBytes(folder.resolve("out/pain.001.001.10.AM_0001_x.xml")))
        .isEqualTo(file.xml());
  }

  @Test
  void sendingAgainLeavesTheFileTheBankMayAlreadyBeReading(@TempDir Path folder)
      throws IOException {
    DropFolderBankConnector connector = new DropFolderBankConnector(folder);
    BankFile file =
        new BankFile(MessageType.PAIN_008, "AM1", "<a/>".getBytes(StandardCharsets.UTF_8));
    connector.send(file);
    Path written = folder.resolve("out/pain.008.001.09.AM1.xml");
    FileTime before = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    Files.setLastModifiedTime(written, before);

    connector.send(file);
    connector.send(
        new BankFile(MessageType.PAIN_008, "AM1", "<b/>".getBytes(StandardCharsets.UTF_8)));

    assertThat(names(folder.resolve("out"))).containsExactly("pain.008.001.09.AM1.xml");
    assertThat(Files.readString(written)).isEqualTo("<a/>");
    assertThat(Files.getLastModifiedTime(written)).isEqualTo(before);
  }

  @Test
  void aFolderThatCannotBeWrittenIsABankUnavailable(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("out"), "a file where the folder should be");
    DropFolderBankConnector connector = new DropFolderBankConnector(folder);

    assertThatThrownBy(
            () -> connector.send(new BankFile(MessageType.PAIN_001, "AM1", new byte[] {1})))
        .isInstanceOf(BankUnavailableException.class);
  }

  // ---------------------------------------------------------------------------------------------

  private static byte[] creditFile(String messageId, String reference, long amountCents) {
    return BankTestFiles.notification(
        messageId,
        AVANCE_IBAN,
        Booking.credit(reference, amountCents)
            .counterparty("Boulangerie Martin", "DE89370400440532013000"));
  }

  private static Path in() {
    return DROP.resolve("in");
  }

  private static void write(String name, byte[] bytes) throws IOException {
    Files.write(in().resolve(name), bytes);
  }

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
