package io.opencommerce.it.newsletters;

import static io.opencommerce.it.support.Platform.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SMTP down while mails are due: nothing is lost. The local SMTP sink (GreenMail) is stopped, a
 * registration calls for a welcome, and the mail waits, queued, spending no attempt (a server that
 * cannot be reached has refused nothing); GreenMail is started again and the welcome arrives, once.
 */
class MailOutageIT {
  private static final String NEWSLETTERS = Platform.BASE + "/newsletters/api";
  private static final int SMTP_PORT = 3025;

  @Test
  void mailsDueWhileSmtpIsDownGoOutOnceItIsBack() throws Exception {
    String admin = Platform.admin().accessToken();
    Session user;
    stopGreenMail();
    try {
      user = Platform.registerAndLogin("smtp-down");
      String mails = NEWSLETTERS + "/mails?recipient=" + encode(user.email());
      // It waits, queued: an unreachable server is no refusal of the mail, and spends no attempt.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get(mails, admin).json().getInt("total") == 1);
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                JsonObject mail = get(mails, admin).json().getJsonArray("items").getJsonObject(0);
                assertThat(mail.getString("status")).isEqualTo("QUEUED");
                assertThat(mail.getInt("attempts")).isZero();
              });
    } finally {
      startBacking();
    }
    // The sender backs off while the server is away (up to 30 s between tries), and a server that
    // answers before it is ready to talk costs the mail an attempt: PT1M until the next one.
    await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Mailbox.count(user.email(), m -> m.subject().startsWith("Welcome")) >= 1);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> Mailbox.count(user.email(), m -> m.subject().startsWith("Welcome")) == 1);
    JsonObject sent =
        get(NEWSLETTERS + "/mails?recipient=" + encode(user.email()), admin)
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(sent.getString("status")).isEqualTo("SENT");
  }

  /**
   * Stops the GreenMail this checkout's platform started (found by its jar, as the launcher does).
   */
  private static void stopGreenMail() {
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("greenmail.jar")).orElse(false))
        .forEach(
            p -> {
              p.destroy();
              p.onExit().orTimeout(20, TimeUnit.SECONDS).join();
            });
    await().atMost(Duration.ofSeconds(20)).until(() -> !listening(SMTP_PORT));
  }

  /** What the build runs before the suites: the backing processes, GreenMail among them. */
  private static void startBacking() throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    Process backing =
        new ProcessBuilder("bash", "liberty-config/local/platform", "backing", "start")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(backing.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(backing.exitValue()).isZero();
    assertThat(listening(SMTP_PORT)).isTrue();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
