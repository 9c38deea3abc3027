package io.opencommerce.newsletters.application;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.persistence.DatabaseMigrations;
import io.opencommerce.kit.redis.WindowCounter;
import io.opencommerce.kit.work.PeriodicWork;
import io.opencommerce.newsletters.domain.Backoff;
import io.opencommerce.newsletters.domain.OutgoingMail;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import io.opencommerce.newsletters.infrastructure.SmtpFailures;
import io.opencommerce.newsletters.infrastructure.SmtpFailures.Failure;
import io.opencommerce.newsletters.infrastructure.SmtpMailer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.RedisClient;

/**
 * Sends the mail queue, a {@link PeriodicWork} job every {@code newsletters.mail.poll-interval}
 * (PT1S) shared by the replicas: each batch claims up to {@code newsletters.mail.batch-size} (20)
 * due mails (SKIP LOCKED), opens one SMTP connection and sends them on it, recording each outcome
 * in its own short transaction:
 *
 * <ul>
 *   <li>a marketing mail whose subscriber is no longer confirmed (they left after the campaign
 *       wrote it): cancelled, never sent;
 *   <li>accepted: sent;
 *   <li>refused for good (5xx): failed, with the server's reason;
 *   <li>refused for now (4xx): tried again after {@code newsletters.mail.retry.first-delay} (PT1M),
 *       doubling up to {@code .max-delay} (PT1H), failed after {@code
 *       newsletters.mail.max-attempts} (8) attempts;
 *   <li>no answer (the server cannot be reached or the connection dropped): the batch stops, its
 *       mails wait without spending an attempt, and the job backs off while the server is away. So
 *       an SMTP outage loses nothing: mails go out once it is back.
 * </ul>
 *
 * At most {@code newsletters.mail.max-per-minute} (600; 0: no limit) mails leave per minute across
 * the replicas, counted in Redis ({@link WindowCounter}); without Redis mails go out unthrottled
 * rather than not at all. Counted in {@code mails_sent_total{kind}} and {@code
 * mails_failed_total{kind}}; the queue's depth (mails queued, due or not) is the gauge {@code
 * mail_queue_depth}.
 */
@ApplicationScoped
public class MailSender {
  static final String RATE_KEY = "oc:newsletters:mail-rate";
  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
  private static final String DEPTH_METRIC = "mail_queue_depth";

  @Inject PeriodicWork work;
  @Inject MailQueue queue;
  @Inject SiteSettings sites;
  @Inject MetricRegistry metrics;
  @Inject DatabaseMigrations database;
  @Inject ServiceIdentity service;
  @Inject RedisClient redis;

  @Resource(lookup = "mail/newsletters")
  Session session;

  private SmtpMailer mailer;
  private WindowCounter rate;
  private Settings settings;
  private volatile long depth;
  private volatile Instant lastRateWarning = Instant.MIN;

  /** The sender's settings, read once at start. */
  record Settings(
      Duration pollInterval, int batchSize, int maxPerMinute, Backoff backoff, Duration lease) {
    static Settings from(Config config) {
      return new Settings(
          duration(config, "newsletters.mail.poll-interval", "PT1S"),
          config.getOptionalValue("newsletters.mail.batch-size", Integer.class).orElse(20),
          config.getOptionalValue("newsletters.mail.max-per-minute", Integer.class).orElse(600),
          new Backoff(
              duration(config, "newsletters.mail.retry.first-delay", "PT1M"),
              duration(config, "newsletters.mail.retry.max-delay", "PT1H"),
              config.getOptionalValue("newsletters.mail.max-attempts", Integer.class).orElse(8)),
          Duration.ofMinutes(5));
    }

    private static Duration duration(Config config, String key, String fallback) {
      return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
    }
  }

  void start(@Observes Startup startup) {
    Config config = ConfigProvider.getConfig();
    settings = Settings.from(config);
    mailer =
        new SmtpMailer(
            session,
            config.getOptionalValue("mail.smtp.user", String.class).orElse(null),
            config.getOptionalValue("mail.smtp.password", String.class).orElse(null));
    rate = new WindowCounter(redis);
    metrics.gauge(
        Metadata.builder()
            .withName(DEPTH_METRIC)
            .withDescription("Mails queued and not yet sent or failed, due or not")
            .build(),
        () -> depth,
        new Tag("service", service.name()));
    work.every(
        settings.pollInterval(),
        Duration.ofSeconds(2),
        "Sending the mail queue",
        settings.batchSize(),
        this::sendBatch);
    work.every(
        Duration.ofSeconds(5), Duration.ofSeconds(2), "Counting the mail queue", 1, max -> count());
    LOG.info(
        () ->
            "Sending mail every "
                + settings.pollInterval()
                + ", "
                + settings.batchSize()
                + " per batch, at most "
                + (settings.maxPerMinute() > 0
                    ? settings.maxPerMinute() + " a minute"
                    : "unlimited")
                + ", "
                + settings.backoff().maxAttempts()
                + " attempts");
  }

  /** One batch: returns how many mails were dealt with (a full batch makes the run go on). */
  int sendBatch(int max) throws MessagingException {
    List<OutgoingMail> due = queue.claimDue(max, Instant.now().plus(settings.lease()));
    if (due.isEmpty()) {
      return 0;
    }
    // Marketing mails whose subscriber left since they were queued are cancelled, not sent.
    List<OutgoingMail> claimed = queue.withdrawUnwanted(due);
    if (claimed.isEmpty()) {
      return due.size();
    }
    SmtpMailer.Connection connection;
    try {
      connection = mailer.connect();
    } catch (MessagingException e) {
      // Nothing was sent: the mails are due again at once, and the job backs off until the server
      // answers.
      queue.release(ids(claimed), Instant.now());
      throw e;
    }
    int done = due.size() - claimed.size();
    try (connection) {
      for (int i = 0; i < claimed.size(); i++) {
        OutgoingMail mail = claimed.get(i);
        Duration wait = throttle();
        if (wait != null) {
          queue.release(ids(claimed.subList(i, claimed.size())), Instant.now().plus(wait));
          LOG.fine(() -> "Mail rate reached; the rest of the batch waits " + wait);
          return 0;
        }
        try {
          connection.send(outgoing(mail));
          queue.record(mail.id(), m -> m.sent(Instant.now()));
          count("mails_sent", mail);
          LOG.info(() -> "Sent " + mail.kind().code() + " mail " + mail.id());
        } catch (MessagingException e) {
          Failure failure = SmtpFailures.classify(e);
          if (failure.kind() == SmtpFailures.Kind.UNREACHABLE) {
            queue.release(ids(claimed.subList(i, claimed.size())), Instant.now());
            LOG.log(
                Level.WARNING,
                "The SMTP server stopped answering ({0}); {1} mail(s) wait for it",
                new Object[] {failure.reason(), claimed.size() - i});
            return done;
          }
          failed(mail, failure);
        }
        done++;
      }
    }
    return done;
  }

  private void failed(OutgoingMail mail, Failure failure) {
    Instant now = Instant.now();
    OutgoingMail after =
        queue.record(
            mail.id(),
            m -> {
              if (failure.kind() == SmtpFailures.Kind.TRANSIENT
                  && settings.backoff().allowsAnotherAfter(m.attempts() + 1)) {
                m.retryAt(
                    now.plus(settings.backoff().delayAfter(m.attempts() + 1)),
                    failure.reason(),
                    now);
              } else {
                m.failedAttempt(
                    failure.kind() == SmtpFailures.Kind.TRANSIENT
                        ? "Gave up after " + (m.attempts() + 1) + " attempts: " + failure.reason()
                        : failure.reason(),
                    now);
              }
            });
    if (after != null && after.status() == io.opencommerce.newsletters.domain.MailStatus.FAILED) {
      count("mails_failed", mail);
      LOG.warning(() -> "Mail " + mail.id() + " failed: " + after.lastError());
    } else {
      LOG.info(() -> "Mail " + mail.id() + " turned away for now (" + failure.reason() + ")");
    }
  }

  /**
   * Null when one more mail may leave now; otherwise how long until the window frees. Without Redis
   * mails leave unthrottled (one warning a minute).
   */
  private Duration throttle() {
    int limit = settings.maxPerMinute();
    if (limit <= 0) {
      return null;
    }
    try {
      WindowCounter.Count count = rate.hit(RATE_KEY, Duration.ofMinutes(1));
      return count.hits() <= limit ? null : count.retryAfter();
    } catch (RuntimeException e) {
      Instant now = Instant.now();
      if (lastRateWarning.isBefore(now.minus(Duration.ofMinutes(1)))) {
        lastRateWarning = now;
        LOG.warning(() -> "Mails are sent unthrottled: Redis cannot count them (" + e + ")");
      }
      return null;
    }
  }

  private SmtpMailer.Outgoing outgoing(OutgoingMail mail) {
    return new SmtpMailer.Outgoing(
        sites.of(mail.site()).from(),
        mail.recipient(),
        mail.recipientName(),
        mail.subject(),
        mail.textBody(),
        mail.htmlBody(),
        mail.unsubscribeUrl(),
        mail.id().toString());
  }

  private void count(String metric, OutgoingMail mail) {
    metrics.counter(metric, new Tag("kind", mail.kind().code())).inc();
  }

  private int count() throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT COUNT(*) FROM outgoing_mails WHERE status = 'QUEUED'")) {
      rows.next();
      depth = rows.getLong(1);
    }
    return 0;
  }

  private static List<UUID> ids(List<OutgoingMail> mails) {
    List<UUID> ids = new ArrayList<>(mails.size());
    mails.forEach(m -> ids.add(m.id()));
    return ids;
  }

  @PreDestroy
  void stop() {
    metrics.remove(new MetricID(DEPTH_METRIC, new Tag("service", service.name())));
  }
}
