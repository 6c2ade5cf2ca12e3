package dev.avance.activities.bank;

import dev.avance.bank.BankConnector;
import dev.avance.bank.BankUnavailableException;
import dev.avance.bank.Channel;
import java.util.Map;

/**
 * The connector of each channel: the live bank's (bean {@value #LIVE}, the drop folder) and the
 * bank simulator's (bean {@value #SANDBOX}, present only where the simulator runs). A sandbox file
 * can never reach the live bank, nor the reverse: there is no fallback from one to the other.
 */
public class BankConnectors {
  public static final String LIVE = "liveBankConnector";

  /** The bank simulator's own bean name ({@code BankSimulatorConfiguration}). */
  public static final String SANDBOX = "bankSimulator";

  private final Map<String, BankConnector> connectors;

  public BankConnectors(Map<String, BankConnector> connectors) {
    this.connectors = Map.copyOf(connectors);
  }

  /** The channel's connector; a channel without one cannot send now. */
  public BankConnector of(Channel channel) {
    BankConnector connector = connectors.get(channel == Channel.LIVE ? LIVE : SANDBOX);
    if (connector == null) {
      throw new BankUnavailableException("no bank connector for the " + channel + " channel here");
    }
    return connector;
  }
}
