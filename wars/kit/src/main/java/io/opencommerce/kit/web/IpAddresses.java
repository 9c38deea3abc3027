package io.opencommerce.kit.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * IP address literals as they come in headers and configuration: read without ever asking DNS (a
 * header is attacker-controlled text, and {@code InetAddress.getByName} would look a name up), and
 * written in one canonical form, so that one client is one key whatever spelling it arrived in.
 */
public final class IpAddresses {
  private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern IPV4_WITH_PORT = Pattern.compile("[0-9.]{7,15}:[0-9]{1,5}");

  private IpAddresses() {}

  /**
   * The address written in {@code text}: IPv4 dotted quad ({@code 192.0.2.1}, also with a port,
   * {@code 192.0.2.1:443}), IPv6 ({@code 2001:db8::1}, also bracketed with or without a port,
   * {@code [2001:db8::1]:443}; a zone {@code %eth0} is dropped). IPv4-mapped IPv6 addresses come
   * back as IPv4. Null for anything else: a host name, {@code unknown}, an empty or malformed
   * value.
   */
  public static InetAddress parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0 || !(end == s.length() - 1 || s.charAt(end + 1) == ':')) {
        return null;
      }
      return ipv6(s.substring(1, end));
    }
    if (IPV4_WITH_PORT.matcher(s).matches()) {
      s = s.substring(0, s.indexOf(':'));
    }
    if (s.indexOf(':') >= 0) {
      return ipv6(s);
    }
    return ipv4(s);
  }

  private static InetAddress ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      // No leading zeros: some parsers read 010 as octal (8), others as 10.
      if (part.isEmpty()
          || part.length() > 3
          || (part.length() > 1 && part.charAt(0) == '0')
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return byAddress(bytes);
  }

  private static InetAddress ipv6(String s) {
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (!IPV6_TEXT.matcher(s).matches() || s.indexOf(':') < 0) {
      return null;
    }
    try {
      // Brackets make the JDK read a literal or fail; it never falls back to a DNS lookup.
      return InetAddress.getByName("[" + s + "]");
    } catch (UnknownHostException | RuntimeException e) {
      return null;
    }
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // only for a wrong length, which cannot happen here
    }
  }

  /**
   * The canonical text of an address: IPv4 dotted quad; IPv6 in RFC 5952's form (lower case, the
   * longest run of zero groups as {@code ::}), without a zone.
   */
  public static String format(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /** {@link #parse} then {@link #format}: null for what is not an address. */
  public static String canonical(String text) {
    InetAddress address = parse(text);
    return address == null ? null : format(address);
  }

  /**
   * Whom per-address limits count a client as: an IPv4 address alone, an IPv6 address by its /64
   * network ({@code 2001:db8:1:2::/64}) — one subscriber gets at least a /64, so counting single
   * IPv6 addresses would give one client 2^64 allowances. Null for what is not an address.
   */
  public static String limitKey(String address) {
    InetAddress parsed = parse(address);
    if (parsed == null) {
      return null;
    }
    if (parsed instanceof Inet6Address) {
      byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
      Arrays.fill(network, 8, 16, (byte) 0);
      return format(byAddress(network)) + "/64";
    }
    return format(parsed);
  }
}
