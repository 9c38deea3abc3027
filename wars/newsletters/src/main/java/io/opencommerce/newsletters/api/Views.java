package io.opencommerce.newsletters.api;

import io.opencommerce.newsletters.client.CampaignView;
import io.opencommerce.newsletters.client.MailSummary;
import io.opencommerce.newsletters.client.MailView;
import io.opencommerce.newsletters.client.SubscriptionState;
import io.opencommerce.newsletters.client.SubscriptionView;
import io.opencommerce.newsletters.domain.Campaign;
import io.opencommerce.newsletters.domain.MailStatus;
import io.opencommerce.newsletters.domain.OutgoingMail;
import io.opencommerce.newsletters.domain.Subscriber;
import java.util.Map;

/** Maps the service's records to those of the public API. */
final class Views {
  private Views() {}

  static MailSummary summary(OutgoingMail m) {
    return new MailSummary(
        m.id(),
        m.kind().code(),
        m.status().name(),
        m.language(),
        m.recipient(),
        m.subject(),
        m.attempts(),
        m.nextAttemptAt(),
        m.lastError(),
        m.campaignId(),
        m.createdAt(),
        m.sentAt());
  }

  /** A sensitive mail's bodies hold the recipient's secret: never shown, even to administrators. */
  static MailView mail(OutgoingMail m) {
    boolean withheld = m.isSensitive();
    return new MailView(
        m.id(),
        m.kind().code(),
        m.status().name(),
        m.language(),
        m.sourceKey(),
        m.recipient(),
        m.recipientName(),
        m.subject(),
        withheld ? null : m.textBody(),
        withheld ? null : m.htmlBody(),
        withheld,
        m.bodiesDiscarded(),
        m.unsubscribeUrl(),
        m.templateVersionId(),
        m.campaignId(),
        m.attempts(),
        m.nextAttemptAt(),
        m.lastError(),
        m.createdAt(),
        m.updatedAt(),
        m.sentAt());
  }

  static SubscriptionView subscription(Subscriber s) {
    return new SubscriptionView(
        s.id(),
        s.email(),
        s.status().name(),
        s.language(),
        s.customerId(),
        s.requestedAt(),
        s.confirmedAt(),
        s.unsubscribedAt(),
        s.createdAt(),
        s.updatedAt());
  }

  /** What a subscriber's link shows: no address (a forwarded mail carries the link). */
  static SubscriptionState state(Subscriber s) {
    return new SubscriptionState(
        s.id(), s.status().name(), s.language(), s.confirmedAt(), s.unsubscribedAt());
  }

  /**
   * A campaign with its progress ({@code mails}: how many of its mails are in each status); its own
   * template's text and HTML only when {@code withBodies}.
   */
  static CampaignView campaign(Campaign c, Map<MailStatus, Long> mails, boolean withBodies) {
    Map<MailStatus, Long> counts = mails == null ? Map.of() : mails;
    var content = withBodies ? c.content() : null;
    return new CampaignView(
        c.id(),
        c.name(),
        c.status().name(),
        c.audienceLanguage(),
        c.templateVersionId(),
        c.subject(),
        content == null ? null : content.text(),
        content == null ? null : content.html(),
        c.scheduledAt(),
        c.startedAt(),
        c.finishedAt(),
        c.cancelledAt(),
        new CampaignView.Progress(
            c.enqueuedCount(),
            c.allEnqueuedAt() != null,
            counts.getOrDefault(MailStatus.QUEUED, 0L),
            counts.getOrDefault(MailStatus.SENT, 0L),
            counts.getOrDefault(MailStatus.FAILED, 0L),
            counts.getOrDefault(MailStatus.CANCELLED, 0L)),
        c.createdBy(),
        c.createdAt(),
        c.updatedAt());
  }
}
