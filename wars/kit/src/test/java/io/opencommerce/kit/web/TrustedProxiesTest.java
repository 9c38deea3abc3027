package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {
  private static final TrustedProxies GATEWAYS =
      TrustedProxies.parse("10.0.0.0/8, 192.0.2.10, fd00::/8, ::1");

  private static List<String> xff(String... headers) {
    return List.of(headers);
  }

  @Test
  void withoutTrustedProxiesThePeerIsTheClient() {
    TrustedProxies none = TrustedProxies.parse("");
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.client("10.1.2.3", xff("198.51.100.7"))).isEqualTo("10.1.2.3");
    assertThat(TrustedProxies.parse(null).client("::1", xff("198.51.100.7"))).isEqualTo("::1");
  }

  @Test
  void anUntrustedPeerCannotClaimAnotherAddress() {
    assertThat(GATEWAYS.client("203.0.113.9", xff("198.51.100.7"))).isEqualTo("203.0.113.9");
    assertThat(GATEWAYS.client("203.0.113.9", xff("10.0.0.1, 198.51.100.7")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void behindATrustedProxyTheClientIsTheAddressItReports() {
    assertThat(GATEWAYS.client("10.20.30.40", xff("198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(GATEWAYS.client("192.0.2.10", xff("198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(GATEWAYS.client("10.20.30.40", null)).isEqualTo("10.20.30.40");
    assertThat(GATEWAYS.client("10.20.30.40", xff())).isEqualTo("10.20.30.40");
  }

  @Test
  void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
    // The client put a fake address first; the proxies appended what they saw.
    assertThat(GATEWAYS.client("10.0.0.2", xff("6.6.6.6, 198.51.100.7, 10.0.0.1")))
        .isEqualTo("198.51.100.7");
    // The same list spread over several headers.
    assertThat(GATEWAYS.client("10.0.0.2", xff("6.6.6.6", "198.51.100.7", "10.0.0.1")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void whenEveryHopIsATrustedProxyTheLeftMostIsTheClient() {
    assertThat(GATEWAYS.client("10.0.0.2", xff("10.0.0.9, 10.0.0.1"))).isEqualTo("10.0.0.9");
  }

  @Test
  void ipv6PeersRangesAndClients() {
    assertThat(GATEWAYS.client("0:0:0:0:0:0:0:1", xff("2001:db8::7"))).isEqualTo("2001:db8::7");
    assertThat(GATEWAYS.client("fd12:3456::1", xff("[2001:DB8::7]:51000")))
        .isEqualTo("2001:db8::7");
    assertThat(GATEWAYS.client("fd12:3456::1", xff("198.51.100.7, fd00::5")))
        .isEqualTo("198.51.100.7");
    assertThat(GATEWAYS.client("fe80::1", xff("198.51.100.7"))).isEqualTo("fe80::1");
    assertThat(GATEWAYS.client("::ffff:10.0.0.3", xff("198.51.100.7"))).isEqualTo("198.51.100.7");
  }

  @Test
  void cidrRangesEndWhereTheirPrefixEnds() {
    TrustedProxies ranges = TrustedProxies.parse("172.16.0.0/12,2001:db8:ff00::/40");
    assertThat(ranges.client("172.31.255.255", xff("198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(ranges.client("172.32.0.0", xff("198.51.100.7"))).isEqualTo("172.32.0.0");
    assertThat(ranges.client("172.15.255.255", xff("198.51.100.7"))).isEqualTo("172.15.255.255");
    assertThat(ranges.client("2001:db8:ffff::1", xff("198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(ranges.client("2001:db8:feff::1", xff("198.51.100.7")))
        .isEqualTo("2001:db8:feff::1");
    assertThat(TrustedProxies.parse("0.0.0.0/0").client("203.0.113.1", xff("198.51.100.7")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void garbageWrittenBehindATrustedProxyCountsAsThatProxy() {
    assertThat(GATEWAYS.client("10.0.0.2", xff("unknown"))).isEqualTo("10.0.0.2");
    assertThat(GATEWAYS.client("10.0.0.2", xff("198.51.100.7, unknown, 10.0.0.1")))
        .isEqualTo("10.0.0.1");
    assertThat(GATEWAYS.client("10.0.0.2", xff("<script>alert(1)</script>"))).isEqualTo("10.0.0.2");
    assertThat(GATEWAYS.client("10.0.0.2", xff("example.com"))).isEqualTo("10.0.0.2");
  }

  @Test
  void garbageLeftOfTheClientIsNeverRead() {
    assertThat(GATEWAYS.client("10.0.0.2", xff("garbage, 198.51.100.7"))).isEqualTo("198.51.100.7");
  }

  @Test
  void emptyEntriesAreSkipped() {
    assertThat(GATEWAYS.client("10.0.0.2", xff(" , 198.51.100.7,, "))).isEqualTo("198.51.100.7");
  }

  @Test
  void aPeerThatIsNoAddressIsKeptAsItCame() {
    assertThat(GATEWAYS.client("some-socket", xff("198.51.100.7"))).isEqualTo("some-socket");
    assertThat(GATEWAYS.client(null, xff("198.51.100.7"))).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "10.0.0.0/33",
        "::1/129",
        "10.0.0.0/",
        "10.0.0.0/x",
        "10.0.0.0/-1",
        "10.0.0",
        "[::1]",
        "10.0.0.1, nonsense"
      })
  void aListItCannotReadIsRefused(String list) {
    assertThatThrownBy(() -> TrustedProxies.parse(list))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an IP address or CIDR range");
  }
}
