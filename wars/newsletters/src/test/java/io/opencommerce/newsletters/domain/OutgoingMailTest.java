package io.opencommerce.newsletters.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final RenderedMail CONTENT =
      new RenderedMail("Reset", "link: https://x/?token=secret", "<a href=x>secret</a>", null);

  private static OutgoingMail mail(MailKind kind, String recipient) {
    return new OutgoingMail("default", kind, "en", "k:1", recipient, "Ann", CONTENT, NOW);
  }

  @Test
  void aNewMailIsQueuedAndDueNow() {
    OutgoingMail mail = mail(MailKind.WELCOME, "ann@example.com");
    assertThat(mail.status()).isEqualTo(MailStatus.QUEUED);
    assertThat(mail.nextAttemptAt()).isEqualTo(NOW);
    assertThat(mail.attempts()).isZero();
    assertThat(mail.isSensitive()).isFalse();
  }

  @Test
  void aSensitiveMailLosesItsBodiesOnceSentButKeepsItsRecord() {
    OutgoingMail mail = mail(MailKind.PASSWORD_RESET, "ann@example.com");
    assertThat(mail.textBody()).contains("secret");
    mail.sent(NOW.plusSeconds(1));
    assertThat(mail.status()).isEqualTo(MailStatus.SENT);
    assertThat(mail.textBody()).isNull();
    assertThat(mail.htmlBody()).isNull();
    assertThat(mail.bodiesDiscarded()).isTrue();
    assertThat(mail.subject()).isEqualTo("Reset");
    assertThat(mail.recipient()).isEqualTo("ann@example.com");
    assertThat(mail.sentAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(mail.attempts()).isEqualTo(1);
  }

  @Test
  void anOrdinaryMailKeepsItsBodies() {
    OutgoingMail mail = mail(MailKind.ORDER_CONFIRMATION, "ann@example.com");
    mail.sent(NOW);
    assertThat(mail.textBody()).isEqualTo(CONTENT.text());
    assertThat(mail.bodiesDiscarded()).isFalse();
  }

  @Test
  void aSensitiveMailThatFailedIsBlankedAndCannotBeSentAgain() {
    OutgoingMail mail = mail(MailKind.PASSWORD_RESET, "ann@example.com");
    mail.failedAttempt("550 no such user", NOW);
    assertThat(mail.textBody()).isNull();
    assertThatThrownBy(() -> mail.resend(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutARecipientTheMailIsRecordedFailedAndWaitsForThem() {
    OutgoingMail mail = mail(MailKind.ORDER_CONFIRMATION, null);
    assertThat(mail.status()).isEqualTo(MailStatus.FAILED);
    assertThat(mail.lastError()).isEqualTo(OutgoingMail.UNKNOWN_RECIPIENT);
    assertThatThrownBy(() -> mail.resend(NOW)).isInstanceOf(IllegalStateException.class);

    assertThat(mail.addressTo("ann@example.com", "Ann", NOW.plusSeconds(5))).isTrue();
    assertThat(mail.status()).isEqualTo(MailStatus.QUEUED);
    assertThat(mail.recipient()).isEqualTo("ann@example.com");
    assertThat(mail.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(mail.addressTo("bob@example.com", "Bob", NOW)).isFalse();
  }

  @Test
  void retriesCountAttemptsAndAFailedMailCanBeQueuedAgainFresh() {
    OutgoingMail mail = mail(MailKind.WELCOME, "ann@example.com");
    mail.retryAt(NOW.plusSeconds(60), "451 try later", NOW);
    assertThat(mail.attempts()).isEqualTo(1);
    assertThat(mail.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(mail.lastError()).isEqualTo("451 try later");
    mail.failedAttempt("550 mailbox unavailable", NOW);
    assertThat(mail.status()).isEqualTo(MailStatus.FAILED);
    assertThat(mail.attempts()).isEqualTo(2);
    assertThatThrownBy(() -> mail.sent(NOW)).isInstanceOf(IllegalStateException.class);

    mail.resend(NOW.plusSeconds(9));
    assertThat(mail.status()).isEqualTo(MailStatus.QUEUED);
    assertThat(mail.attempts()).isZero();
    assertThat(mail.lastError()).isNull();
    assertThatThrownBy(() -> mail.resend(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVeryLongReasonIsCut() {
    OutgoingMail mail = mail(MailKind.WELCOME, "ann@example.com");
    mail.failedAttempt("x".repeat(5000), NOW);
    assertThat(mail.lastError()).hasSize(1000).endsWith("...");
  }
}
