package io.opencommerce.newsletters.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on a free loopback port for the tests, answering by script: a recipient
 * whose address starts with {@code perm} is refused for good (550), one starting with {@code busy}
 * for now (451); every other exchange is accepted and the message kept.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  final List<String> messages = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();

  ScriptedSmtpServer() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        connections.incrementAndGet();
        converse(client);
      } catch (IOException e) {
        // closed, or the client went away
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter out =
        new PrintWriter(
            new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
    reply(out, "220 scripted ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(java.util.Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        reply(out, "250 scripted");
      } else if (command.startsWith("RCPT TO:<PERM")) {
        reply(out, "550 5.1.1 No such mailbox here");
      } else if (command.startsWith("RCPT TO:<BUSY")) {
        reply(out, "451 4.2.1 Mailbox busy, try later");
      } else if (command.startsWith("DATA")) {
        reply(out, "354 go ahead");
        StringBuilder message = new StringBuilder();
        while ((line = in.readLine()) != null && !line.equals(".")) {
          message.append(line).append('\n');
        }
        messages.add(message.toString());
        reply(out, "250 2.0.0 queued");
      } else if (command.startsWith("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "250 ok"); // MAIL FROM, RCPT TO, RSET, NOOP
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
