package dev.avance.banksim;

import dev.avance.bank.BankFile;
import dev.avance.bank.BankFileReceiver;
import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.Iso20022;
import java.time.Clock;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The child JVM of {@link CrashTest}: a bank with the fault point {@code pain.001:3} that is sent
 * three pain.001 files and says which sends returned.
 */
public final class CrashingBank {
  private CrashingBank() {}

  public static void main(String[] args) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(args[0]);
    BankFileReceiver nobody =
        (channel, xml) -> {
          throw new IllegalStateException("no receiver in this test");
        };
    BankSimulator bank =
        new BankSimulator(
            dataSource,
            Clock.systemUTC(),
            nobody,
            BankSimulatorProperties.defaults().withKillAfterAccept("pain.001:3"),
            SelfKill::now);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    for (int i = 1; i <= 3; i++) {
      BankMessage pain001 =
          SimulatorTestBase.payouts(
              "CRASH-" + i, true, null, SimulatorTestBase.transfer("CRASH-E2E-" + i, 1_000L * i));
      bank.send(new BankFile(pain001.type(), pain001.messageId(), Iso20022.write(pain001)));
      System.out.println("returned CRASH-" + i);
      System.out.flush();
    }
    System.out.println("survived");
    System.exit(3);
  }
}
