package io.opencommerce.sav.application;

import io.opencommerce.sav.domain.SlaPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's settings, read once at start (see the WAR's microprofile-config.properties): the
 * service levels per priority, how long a resolved ticket may be reopened, the attachments' caps
 * and the life of their download URLs, and how often queued tickets are offered to agents. A value
 * that cannot be read stops the service at start.
 */
@ApplicationScoped
public class SavSettings {
  private static final Logger LOG = Logger.getLogger(SavSettings.class.getName());

  /**
   * The largest request an upload may send: the per-file cap can be lowered, never raised above.
   */
  public static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

  private SlaPolicy sla;
  private Duration reopenPeriod;
  private long maxFileBytes;
  private long maxTicketBytes;
  private Duration urlValidity;
  private Duration assignmentInterval;
  private Duration rescanAfter;

  @PostConstruct
  void read() {
    Config config = ConfigProvider.getConfig();
    sla = SlaPolicy.from(key -> config.getOptionalValue(key, String.class));
    reopenPeriod = duration(config, "sav.reopen-period", "P14D");
    maxFileBytes = bytes(config, "sav.attachments.max-bytes", 5L * 1024 * 1024);
    if (maxFileBytes > MAX_UPLOAD_BYTES) {
      LOG.log(
          Level.WARNING,
          "sav.attachments.max-bytes ({0}) is above the upload limit; using {1}",
          new Object[] {maxFileBytes, MAX_UPLOAD_BYTES});
      maxFileBytes = MAX_UPLOAD_BYTES;
    }
    maxTicketBytes = bytes(config, "sav.attachments.max-bytes-per-ticket", 20L * 1024 * 1024);
    urlValidity = duration(config, "sav.attachments.url-validity", "PT5M");
    assignmentInterval = duration(config, "sav.assignment.interval", "PT5S");
    rescanAfter = duration(config, "sav.attachments.rescan-after", "PT1M");
  }

  private static Duration duration(Config config, String key, String fallback) {
    String value = config.getOptionalValue(key, String.class).orElse(fallback);
    try {
      Duration parsed = Duration.parse(value.strip());
      if (parsed.isNegative() || parsed.isZero()) {
        throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration");
      }
      return parsed;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration", e);
    }
  }

  private static long bytes(Config config, String key, long fallback) {
    long value = config.getOptionalValue(key, Long.class).orElse(fallback);
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1 byte");
    }
    return value;
  }

  public SlaPolicy sla() {
    return sla;
  }

  public Duration reopenPeriod() {
    return reopenPeriod;
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  public long maxTicketBytes() {
    return maxTicketBytes;
  }

  public Duration urlValidity() {
    return urlValidity;
  }

  public Duration assignmentInterval() {
    return assignmentInterval;
  }

  public Duration rescanAfter() {
    return rescanAfter;
  }
}
