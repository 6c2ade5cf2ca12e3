package dev.avance.activities.bank;

import dev.avance.bank.BankConnector;
import dev.avance.bank.BankFile;
import dev.avance.bank.BankUnavailableException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bank that keeps every file it is handed, and that a test can take down: then it refuses files
 * as an unreachable bank does ({@link BankUnavailableException}).
 */
public final class RecordingBankConnector implements BankConnector {
  private final List<BankFile> files = new CopyOnWriteArrayList<>();
  private final AtomicBoolean down = new AtomicBoolean();

  @Override
  public void send(BankFile file) {
    if (down.get()) {
      throw new BankUnavailableException("the test bank is down");
    }
    files.add(file);
  }

  public List<BankFile> files() {
    return List.copyOf(files);
  }

  public void down(boolean isDown) {
    down.set(isDown);
  }

  public void reset() {
    files.clear();
    down.set(false);
  }
}
