package io.opencommerce.kit.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} the platform believes, and the client address that
 * follows from a request: {@code platform.trusted-proxies}, comma-separated addresses and CIDR
 * ranges ({@code 10.0.0.0/8, 127.0.0.1, ::1, fd00::/8}); empty trusts nobody.
 *
 * <p>Each proxy appends the address it received the request from to {@code X-Forwarded-For}, so the
 * header reads client, proxy 1, proxy 2…, and everything left of what a trusted proxy wrote may be
 * the client's own invention. The client is therefore found from the right: the direct peer if it
 * is not trusted (its header is ignored), else the right-most address in the header that is not
 * itself a trusted proxy. A value there that is not an address (garbage, {@code unknown}) stops the
 * walk at the trusted proxy that wrote it: the client is then counted as that proxy, never as
 * whatever text came in.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Network> networks;

  private TrustedProxies(List<Network> networks) {
    this.networks = List.copyOf(networks);
  }

  /** An address, or a network in CIDR notation. */
  private record Network(byte[] prefix, int bits) {
    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (bytes[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (bytes[whole] & mask) == (prefix[whole] & mask);
    }
  }

  /**
   * The list in {@code platform.trusted-proxies}' form; null or blank trusts nobody.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or a range
   */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<Network> networks = new ArrayList<>();
    for (String entry : list.split(",")) {
      String text = entry.strip();
      if (text.isEmpty()) {
        continue;
      }
      int slash = text.indexOf('/');
      InetAddress address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
      if (address == null || text.startsWith("[")) {
        throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
      }
      int max = address.getAddress().length * 8;
      int bits = max;
      if (slash >= 0) {
        String length = text.substring(slash + 1);
        if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > max) {
          throw new IllegalArgumentException("not an IP address or CIDR range: " + text);
        }
        bits = Integer.parseInt(length);
      }
      networks.add(new Network(address.getAddress(), bits));
    }
    return new TrustedProxies(networks);
  }

  public boolean isEmpty() {
    return networks.isEmpty();
  }

  public boolean trusts(InetAddress address) {
    for (Network network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client's address in canonical form ({@link IpAddresses#format}).
   *
   * @param peer the address the connection came from ({@code getRemoteAddr()})
   * @param forwardedFor the {@code X-Forwarded-For} header's values in order (several headers are
   *     one list); null when there is none
   * @return the client's address; the peer as given when it is not an address itself
   */
  public String client(String peer, List<String> forwardedFor) {
    InetAddress hop = IpAddresses.parse(peer);
    if (hop == null) {
      return peer;
    }
    if (forwardedFor == null || forwardedFor.isEmpty() || !trusts(hop)) {
      return IpAddresses.format(hop);
    }
    List<String> entries = new ArrayList<>();
    for (String header : forwardedFor) {
      if (header != null) {
        for (String entry : header.split(",")) {
          entries.add(entry);
        }
      }
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).isBlank()) {
        continue;
      }
      InetAddress address = IpAddresses.parse(entries.get(i));
      if (address == null) {
        return IpAddresses.format(hop); // the trusted proxy that wrote garbage
      }
      if (!trusts(address)) {
        return IpAddresses.format(address);
      }
      hop = address;
    }
    return IpAddresses.format(hop); // every hop a trusted proxy: the left-most one
  }
}
