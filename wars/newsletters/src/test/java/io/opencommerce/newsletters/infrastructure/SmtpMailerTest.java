package io.opencommerce.newsletters.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.newsletters.infrastructure.SmtpFailures.Kind;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Sending through Jakarta Mail to a scripted SMTP server, and what its refusals mean. */
class SmtpMailerTest {
  private static SmtpMailer mailer(int port) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "2000");
    properties.put("mail.smtp.timeout", "2000");
    return new SmtpMailer(Session.getInstance(properties), null, null);
  }

  private static SmtpMailer.Outgoing mail(String to, String unsubscribe) {
    return new SmtpMailer.Outgoing(
        "Shop <no-reply@shop.example>",
        to,
        "Zoë Müller",
        "Votre commande est confirmée",
        "Bonjour Zoë,\nMerci !",
        "<p>Bonjour Zoë,</p>",
        unsubscribe,
        "mail-1");
  }

  @Test
  void sendsTextAndHtmlAlternativesOnOneConnection() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
      try (SmtpMailer.Connection connection = mailer(server.port()).connect()) {
        connection.send(mail("zoe@example.com", null));
        connection.send(mail("ann@example.com", "https://shop.example/unsubscribe?token=t"));
      }
      assertThat(server.connections.get()).isEqualTo(1);
      assertThat(server.messages).hasSize(2);
      String transactional = server.messages.get(0);
      assertThat(transactional)
          .contains("From: Shop <no-reply@shop.example>")
          .contains("To: =?UTF-8?")
          .contains("Subject: =?UTF-8?")
          .contains("multipart/alternative")
          .contains("text/plain; charset=UTF-8")
          .contains("text/html; charset=UTF-8")
          .contains("Auto-Submitted: auto-generated")
          .contains("X-OpenCommerce-Mail: mail-1")
          .doesNotContain("List-Unsubscribe");
      assertThat(transactional.indexOf("text/plain"))
          .isLessThan(transactional.indexOf("text/html"));
      assertThat(server.messages.get(1))
          .contains("List-Unsubscribe: <https://shop.example/unsubscribe?token=t>")
          .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
          .doesNotContain("Auto-Submitted");
    }
  }

  @Test
  void aPermanentRefusalIsPermanentAndATemporaryOneTransient() throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer();
        SmtpMailer.Connection connection = mailer(server.port()).connect()) {
      MessagingException refused =
          catchMessaging(() -> connection.send(mail("perm-gone@example.com", null)));
      SmtpFailures.Failure permanent = SmtpFailures.classify(refused);
      assertThat(permanent.kind()).isEqualTo(Kind.PERMANENT);
      assertThat(permanent.code()).isEqualTo(550);
      assertThat(permanent.reason()).startsWith("550").contains("No such mailbox");

      MessagingException busy =
          catchMessaging(() -> connection.send(mail("busy-box@example.com", null)));
      SmtpFailures.Failure transientFailure = SmtpFailures.classify(busy);
      assertThat(transientFailure.kind()).isEqualTo(Kind.TRANSIENT);
      assertThat(transientFailure.code()).isEqualTo(451);

      // The connection is still good for the next mail.
      connection.send(mail("ok@example.com", null));
      assertThat(server.messages).hasSize(1);
    }
  }

  @Test
  void aServerThatCannotBeReachedIsUnreachableNotTheMailsFault() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    SmtpMailer mailer = mailer(closedPort);
    assertThatThrownBy(mailer::connect).isInstanceOf(MessagingException.class);
    MessagingException down = catchMessaging(mailer::connect);
    SmtpFailures.Failure failure = SmtpFailures.classify(down);
    assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure.code()).isZero();
  }

  @Test
  void aReplyCodeIsReadFromTheMessageWhenTheExceptionCarriesNone() {
    assertThat(SmtpFailures.classify(new MessagingException("554 5.7.1 Message rejected")).kind())
        .isEqualTo(Kind.PERMANENT);
    assertThat(SmtpFailures.classify(new MessagingException("421 Too many connections")).kind())
        .isEqualTo(Kind.TRANSIENT);
    assertThat(SmtpFailures.classify(new MessagingException("Connection reset")).kind())
        .isEqualTo(Kind.UNREACHABLE);
    assertThat(
            SmtpFailures.classify(
                    new MessagingException(
                        "550 looks permanent", new java.net.SocketException("reset")))
                .kind())
        .as("a message read before the connection dropped")
        .isEqualTo(Kind.PERMANENT);
  }

  private interface Sending {
    void run() throws Exception;
  }

  private static MessagingException catchMessaging(Sending sending) {
    try {
      sending.run();
    } catch (MessagingException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a MessagingException, got " + e, e);
    }
    throw new AssertionError("expected a MessagingException");
  }
}
