package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "192.0.2.1, 192.0.2.1",
    "' 192.0.2.1 ', 192.0.2.1",
    "192.0.2.1:8443, 192.0.2.1",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "2001:db8::1, 2001:db8::1",
    "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
    "[2001:db8::1], 2001:db8::1",
    "[2001:db8::1]:443, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "0:0:0:0:0:0:0:1, ::1",
    "::, ::",
    "fe80::1%eth0, fe80::1",
    "::ffff:192.0.2.1, 192.0.2.1",
  })
  void readsAndWritesAddressesInOneForm(String text, String canonical) {
    assertThat(IpAddresses.canonical(text)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "unknown",
        "localhost",
        "example.com",
        "192.0.2",
        "192.0.2.1.5",
        "192.0.2.256",
        "192.0.2.-1",
        "010.0.0.1",
        "1.2.3.4/8",
        "1.2.3.4:",
        "2001:db8::1::2",
        "2001:db8::g",
        "12345::1",
        "[2001:db8::1",
        "[2001:db8::1]x",
        "[192.0.2.1]",
        "_gateway",
        "1:2",
        "<script>",
        "1.2.3.4, 5.6.7.8"
      })
  void refusesWhatIsNotAnAddress(String text) {
    assertThat(IpAddresses.parse(text)).isNull();
  }

  @Test
  void nullIsNoAddress() {
    assertThat(IpAddresses.parse(null)).isNull();
  }

  @Test
  void countsIpv4AddressesAloneAndIpv6ByTheirNetwork() {
    assertThat(IpAddresses.limitKey("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(IpAddresses.limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo("2001:db8:1:2::/64")
        .isEqualTo(IpAddresses.limitKey("2001:db8:1:2::1"));
    assertThat(IpAddresses.limitKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    assertThat(IpAddresses.limitKey("garbage")).isNull();
  }
}
