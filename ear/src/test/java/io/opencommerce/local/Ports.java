package io.opencommerce.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** TCP probes on the loopback address, each bounded in time. */
public final class Ports {
  private Ports() {}

  /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
  public static boolean open(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static String state(int port) {
    return open(port) ? "listening" : "closed";
  }
}
