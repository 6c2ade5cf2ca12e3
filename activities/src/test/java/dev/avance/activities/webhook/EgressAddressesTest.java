package dev.avance.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.activities.webhook.EgressAddresses.Kind;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every range webhooks may not reach, at its edges, in IPv4 and in the IPv6 forms that carry it.
 */
class EgressAddressesTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0.0.0.0, UNSPECIFIED",
    "0.255.255.255, UNSPECIFIED",
    "127.0.0.1, LOOPBACK",
    "127.255.255.254, LOOPBACK",
    "10.0.0.0, PRIVATE",
    "10.255.255.255, PRIVATE",
    "172.16.0.1, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.0.1, PRIVATE",
    "192.168.255.255, PRIVATE",
    "169.254.169.254, LINK_LOCAL",
    "169.254.0.1, LINK_LOCAL",
    "100.64.0.1, SHARED",
    "100.127.255.255, SHARED",
    "224.0.0.1, MULTICAST",
    "239.255.255.255, MULTICAST",
    "240.0.0.1, RESERVED",
    "255.255.255.254, RESERVED",
    "255.255.255.255, BROADCAST",
    "192.0.0.8, RESERVED",
    "192.0.2.1, RESERVED",
    "198.18.0.1, RESERVED",
    "198.51.100.1, RESERVED",
    "203.0.113.1, RESERVED",
    "::, UNSPECIFIED",
    "::1, LOOPBACK",
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:10.0.0.1, PRIVATE",
    "::ffff:169.254.169.254, LINK_LOCAL",
    "::127.0.0.1, LOOPBACK",
    "::10.1.2.3, PRIVATE",
    "64:ff9b::127.0.0.1, LOOPBACK",
    "64:ff9b::10.0.0.1, PRIVATE",
    "64:ff9b:1::1, RESERVED",
    "2002:7f00:1::, LOOPBACK",
    "2002:a9fe:a9fe::1, LINK_LOCAL",
    "2002:c0a8:101::1, PRIVATE",
    "fc00::1, UNIQUE_LOCAL",
    "fd12:3456:789a::1, UNIQUE_LOCAL",
    "fe80::1, LINK_LOCAL",
    "febf:ffff::1, LINK_LOCAL",
    "fec0::1, PRIVATE",
    "ff02::1, MULTICAST",
    "ff0e::1, MULTICAST",
    "100::1, RESERVED",
    "2001:db8::1, RESERVED",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2, RESERVED",
    "3fff::1, PUBLIC",
    "4000::1, RESERVED",
  })
  void refusedRanges(String address, Kind kind) throws Exception {
    assertThat(EgressAddresses.classify(InetAddress.getByName(address))).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.0",
        "169.253.255.255",
        "169.255.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.167.255.255",
        "192.169.0.0",
        "223.255.255.255",
        "::ffff:8.8.8.8",
        "64:ff9b::8.8.8.8",
        "2002:808:808::1",
        "2606:4700:4700::1111",
        "2a00:1450:4007:80c::200e",
      })
  void publicUnicastPasses(String address) throws Exception {
    assertThat(EgressAddresses.classify(InetAddress.getByName(address))).isEqualTo(Kind.PUBLIC);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "10.0.0.1, 10.0.0.1",
    "255.255.255.255, 255.255.255.255",
    "[::1], 0:0:0:0:0:0:0:1",
    "[::ffff:127.0.0.1], 127.0.0.1",
    "[fe80::1], fe80:0:0:0:0:0:0:1",
  })
  void canonicalLiteralsAreRead(String host, String address) {
    assertThat(EgressAddresses.literal(host)).map(InetAddress::getHostAddress).contains(address);
  }

  /** Notations that InetAddress, curl and browsers read differently: no literal, no DNS name. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2130706433",
        "0x7f.1",
        "0x7f000001",
        "017700000001",
        "0177.0.0.1",
        "127.1",
        "127.0.1",
        "127.000.000.001",
        "01.02.03.04",
        "[fe80::1%25eth0]",
        "[::1",
        "localhost",
        "api.localhost",
        "intranet",
        "host.",
        "exa_mple.com",
        "-bad.example.com",
        "1.2.3.4.5",
      })
  void oddNotationsAreNeitherLiteralsNorNames(String host) {
    assertThat(EgressAddresses.literal(host)).isEmpty();
    assertThat(EgressAddresses.isDnsName(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "hooks.example.co.uk", "a-b.example", "x1.io"})
  void plainNamesAreNames(String host) {
    assertThat(EgressAddresses.isDnsName(host)).isTrue();
    assertThat(EgressAddresses.literal(host)).isEmpty();
  }
}
