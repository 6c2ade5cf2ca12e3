package dev.avance.activities.ledger;

import dev.avance.bank.Channel;

/**
 * Account codes: {@code <owner type>:<owner id>:<kind>}. Avance's own accounts are per channel, so
 * that the sandbox's simulated money is never added to the live bank's.
 */
public final class Accounts {
  private Accounts() {}

  public static String loan(String loanId, AccountKind kind) {
    return "loan:" + loanId + ":" + kind.name();
  }

  public static String borrower(String borrowerId, AccountKind kind) {
    return "borrower:" + borrowerId + ":" + kind.name();
  }

  public static String platform(String platformId, AccountKind kind) {
    return "platform:" + platformId + ":" + kind.name();
  }

  public static String avance(Channel channel, AccountKind kind) {
    return "avance:" + channel.name() + ":" + kind.name();
  }

  static String ownerType(String code) {
    return switch (code.substring(0, code.indexOf(':'))) {
      case "loan" -> "LOAN";
      case "borrower" -> "BORROWER";
      case "platform" -> "PLATFORM";
      case "avance" -> "AVANCE";
      default -> throw new IllegalArgumentException("not an account code: " + code);
    };
  }

  static String ownerId(String code) {
    return code.substring(code.indexOf(':') + 1, code.lastIndexOf(':'));
  }

  static AccountKind kind(String code) {
    return AccountKind.valueOf(code.substring(code.lastIndexOf(':') + 1));
  }
}
