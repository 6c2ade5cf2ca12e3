package dev.avance.activities.bank;

import dev.avance.bank.BankFileReceiver;
import dev.avance.bank.Channel;
import dev.avance.bank.iso20022.InvalidBankMessageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live bank's incoming side: files the bank's transfer writes into {@code <drop folder>/in/}
 * are received, then moved to {@code in/processed/}, or to {@code in/rejected/} with a {@code
 * .error.txt} beside them when they are not valid. A crash between receiving and moving receives
 * the file again at the next poll, which changes nothing (the inbox is idempotent by message id).
 * Files whose names start with a dot are being written and are skipped.
 */
public class DropFolderInbox {
  private static final Logger log = LoggerFactory.getLogger(DropFolderInbox.class);

  /** The largest file read; a bank's daily file is far below. */
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private final Path in;
  private final BankFileReceiver inbox;

  public DropFolderInbox(Path dropFolder, BankFileReceiver inbox) {
    this.in = dropFolder.resolve("in");
    this.inbox = inbox;
  }

  public Path inbox() {
    return in;
  }

  /** Receives every complete file waiting; returns how many were received or rejected. */
  public int poll() {
    if (!Files.isDirectory(in)) {
      return 0;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(in, "*.xml")) {
      for (Path file : stream) {
        if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      log.warn("Cannot list the bank's drop folder: {}", e.getClass().getName());
      return 0;
    }
    files.sort(null);
    int done = 0;
    for (Path file : files) {
      if (receive(file)) {
        done++;
      }
    }
    return done;
  }

  private boolean receive(Path file) {
    try {
      byte[] xml = read(file);
      inbox.receive(Channel.LIVE, xml);
      move(file, "processed", null);
      return true;
    } catch (InvalidBankMessageException e) {
      // The schema's words can quote a value of the file (an IBAN): they go to the .error.txt
      // beside it, not to the log.
      log.warn("Bank file {} rejected, see its .error.txt", file.getFileName());
      move(file, "rejected", e.getMessage());
      return true;
    } catch (NoSuchFileException e) {
      // Taken by another node meanwhile.
      return false;
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Bank file {} left for the next poll: {}", file.getFileName(), e.getClass().getName());
      return false;
    }
  }

  private static byte[] read(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new InvalidBankMessageException("the file is larger than " + MAX_FILE_BYTES + " bytes");
    }
    try (InputStream stream = Files.newInputStream(file)) {
      return stream.readNBytes((int) MAX_FILE_BYTES + 1);
    }
  }

  private void move(Path file, String folder, String error) {
    try {
      Path target = in.resolve(folder);
      Files.createDirectories(target);
      Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      if (error != null) {
        Files.writeString(
            target.resolve(file.getFileName() + ".error.txt"), error, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      log.warn("Cannot move bank file {}: {}", file.getFileName(), e.getClass().getName());
    }
  }
}
