package dev.avance.activities.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may reach: public unicast only. Pure, so that every range is pinned by
 * a unit test; IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged
 * by the address they carry, since that is where the packets end up.
 */
public final class EgressAddresses {
  private EgressAddresses() {}

  /** Why an address is refused; {@link #PUBLIC} is the only one allowed. */
  public enum Kind {
    PUBLIC,
    LOOPBACK,
    PRIVATE,
    LINK_LOCAL,
    SHARED,
    MULTICAST,
    UNSPECIFIED,
    UNIQUE_LOCAL,
    BROADCAST,
    RESERVED
  }

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

  /** Four decimal octets without leading zeros: the one IPv4 notation every parser reads alike. */
  private static final Pattern CANONICAL_IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  /** Hex groups, colons and an optional dotted tail; no zone id (%eth0), no brackets. */
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  public static Kind classify(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 4 ? classify4(b) : classify6(b);
  }

  /**
   * The address a host of a URL names literally, in canonical notation only: {@code 10.0.0.1} or
   * {@code [fd00::1]}. Empty for a host that is no literal (a DNS name, or an odd notation such as
   * {@code 2130706433} or {@code 0x7f.1}, which {@link #isDnsName} refuses too).
   */
  public static Optional<InetAddress> literal(String host) {
    try {
      if (host.startsWith("[") && host.endsWith("]")) {
        String inner = host.substring(1, host.length() - 1);
        if (!IPV6_CHARS.matcher(inner).matches() || !inner.contains(":")) {
          return Optional.empty();
        }
        return Optional.of(InetAddress.getByName(inner));
      }
      if (CANONICAL_IPV4.matcher(host).matches()) {
        String[] parts = host.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * A plain DNS name of at least two labels whose last label is not numeric: what no resolver could
   * read as an address ({@code 127.1}, {@code 0x7f.1}, {@code 017700000001}), and what no search
   * domain completes ({@code intranet}). {@code localhost} and its subdomains are refused by name:
   * resolvers answer them without asking DNS.
   */
  public static boolean isDnsName(String host) {
    if (host.length() > 253 || host.endsWith(".")) {
      return false;
    }
    String[] labels = host.toLowerCase(java.util.Locale.ROOT).split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!label.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
        return false;
      }
    }
    String last = labels[labels.length - 1];
    if (!last.matches(".*[a-z].*") || last.startsWith("0x") && last.matches("0x[0-9a-f]*")) {
      return false;
    }
    return !last.equals("localhost");
  }

  private static Kind classify4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 0) {
      return Kind.UNSPECIFIED;
    }
    if (a0 == 127) {
      return Kind.LOOPBACK;
    }
    if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
      return Kind.PRIVATE;
    }
    if (a0 == 169 && a1 == 254) {
      return Kind.LINK_LOCAL;
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return Kind.SHARED;
    }
    if ((a0 & 0xf0) == 224) {
      return Kind.MULTICAST;
    }
    if (a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255) {
      return Kind.BROADCAST;
    }
    if ((a0 & 0xf0) == 240
        // IETF protocol assignments, the documentation nets, benchmarking.
        || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)
        || a0 == 198 && (a1 & 0xfe) == 18
        || a0 == 198 && a1 == 51 && a2 == 100
        || a0 == 203 && a1 == 0 && a2 == 113) {
      return Kind.RESERVED;
    }
    return Kind.PUBLIC;
  }

  private static Kind classify6(byte[] b) {
    boolean firstTenZero = allZero(b, 0, 10);
    if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return classify4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d, IPv4-mapped
    }
    if (firstTenZero && b[10] == 0 && b[11] == 0) {
      if (allZero(b, 12, 16)) {
        return Kind.UNSPECIFIED;
      }
      if (allZero(b, 12, 15) && b[15] == 1) {
        return Kind.LOOPBACK;
      }
      return classify4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d, IPv4-compatible
    }
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) {
      return classify4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96, NAT64
    }
    if (w0 == 0x2002) {
      return classify4(Arrays.copyOfRange(b, 2, 6)); // 6to4
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return Kind.UNIQUE_LOCAL;
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
      return Kind.LINK_LOCAL;
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
      return Kind.PRIVATE; // fec0::/10, the deprecated site-local
    }
    if ((b[0] & 0xff) == 0xff) {
      return Kind.MULTICAST;
    }
    if (w0 == 0x0064 && w1 == 0xff9b // 64:ff9b:1::/48, local-use NAT64
        || w0 == 0x0100 && allZero(b, 2, 8) // 100::/64, discard
        || w0 == 0x2001 && w1 == 0x0db8 // documentation
        || w0 == 0x2001 && w1 == 0x0000 // Teredo: tunnels to an IPv4 address of its choosing
        || (b[0] & 0xe0) != 0x20) { // outside 2000::/3, the global unicast space
      return Kind.RESERVED;
    }
    return Kind.PUBLIC;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
