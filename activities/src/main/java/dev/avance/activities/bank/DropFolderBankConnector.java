package dev.avance.activities.bank;

import dev.avance.bank.BankConnector;
import dev.avance.bank.BankFile;
import dev.avance.bank.BankUnavailableException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The live bank's outgoing side: each file is written to {@code <drop folder>/out/}, where the
 * bank's file transfer (SFTP, EBICS client) picks it up. A file is written to a temporary name,
 * forced to disk, then renamed, so the transfer never sees half a file; a file already there is
 * left as it is (same message id, same bytes), so sending again is harmless.
 */
public class DropFolderBankConnector implements BankConnector {
  private final Path out;

  public DropFolderBankConnector(Path dropFolder) {
    this.out = dropFolder.resolve("out");
  }

  public Path outbox() {
    return out;
  }

  @Override
  public void send(BankFile file) {
    try {
      Files.createDirectories(out);
      Path target = out.resolve(file.fileName());
      if (Files.exists(target)) {
        return;
      }
      Path tmp = out.resolve("." + file.fileName() + ".tmp");
      Files.write(
          tmp,
          file.xml(),
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new BankUnavailableException("cannot write to the bank's drop folder", e);
    }
  }
}
