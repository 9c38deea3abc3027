package io.opencommerce.storefront.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The storefront's settings (every key in its microprofile-config.properties, with the reasons for
 * the defaults). Read and checked once, at start: a value that cannot be read stops the service
 * with an error naming the key rather than serving pages with a guess.
 */
@ApplicationScoped
public class StorefrontSettings {
  private static final Logger LOG = Logger.getLogger(StorefrontSettings.class.getName());

  @Inject
  @ConfigProperty(name = "storefront.parts.timeout", defaultValue = "PT2S")
  String partTimeout;

  @Inject
  @ConfigProperty(name = "storefront.product-pages.product-ttl", defaultValue = "PT1M")
  String productTtl;

  @Inject
  @ConfigProperty(name = "storefront.product-pages.stock-ttl", defaultValue = "PT5S")
  String stockTtl;

  @Inject
  @ConfigProperty(name = "storefront.product-pages.faq-ttl", defaultValue = "PT1M")
  String faqTtl;

  @Inject
  @ConfigProperty(name = "storefront.product-pages.max-age", defaultValue = "PT5S")
  String maxAge;

  @Inject
  @ConfigProperty(name = "storefront.product-pages.stale-for", defaultValue = "PT30S")
  String staleFor;

  @Inject
  @ConfigProperty(name = "storefront.product-pages.faq-limit", defaultValue = "20")
  int faqLimit;

  @Inject
  @ConfigProperty(name = "storefront.account.recent-orders", defaultValue = "5")
  int recentOrders;

  @Inject
  @ConfigProperty(name = "storefront.account.tickets-scanned", defaultValue = "50")
  int ticketsScanned;

  private Duration parts;
  private long productSeconds;
  private long stockSeconds;
  private long faqSeconds;
  private long maxAgeSeconds;
  private long staleSeconds;

  /** The settings with every default, as a service without configuration gets them. */
  static StorefrontSettings defaults() {
    StorefrontSettings settings = new StorefrontSettings();
    settings.partTimeout = "PT2S";
    settings.productTtl = "PT1M";
    settings.stockTtl = "PT5S";
    settings.faqTtl = "PT1M";
    settings.maxAge = "PT5S";
    settings.staleFor = "PT30S";
    settings.faqLimit = 20;
    settings.recentOrders = 5;
    settings.ticketsScanned = 50;
    settings.init();
    return settings;
  }

  /** Reads the settings at start (the observer makes the bean, and so checks them). */
  void check(@Observes Startup startup) {
    LOG.fine(() -> "Storefront parts wait at most " + parts);
  }

  @PostConstruct
  void init() {
    parts = positive("storefront.parts.timeout", partTimeout);
    productSeconds = seconds("storefront.product-pages.product-ttl", productTtl);
    stockSeconds = seconds("storefront.product-pages.stock-ttl", stockTtl);
    faqSeconds = seconds("storefront.product-pages.faq-ttl", faqTtl);
    maxAgeSeconds = seconds("storefront.product-pages.max-age", maxAge);
    staleSeconds = seconds("storefront.product-pages.stale-for", staleFor);
    page("storefront.product-pages.faq-limit", faqLimit);
    page("storefront.account.recent-orders", recentOrders);
    page("storefront.account.tickets-scanned", ticketsScanned);
  }

  /** How long a request waits for the calls of one step of a page. */
  public Duration partTimeout() {
    return parts;
  }

  /** How long a product stays in Redis for product pages; 0: not kept. */
  public long productTtlSeconds() {
    return productSeconds;
  }

  /** How long a product's units available stay in Redis; 0: not kept. */
  public long stockTtlSeconds() {
    return stockSeconds;
  }

  /** How long a product's FAQ entries in one language stay in Redis; 0: not kept. */
  public long faqTtlSeconds() {
    return faqSeconds;
  }

  /**
   * How long a product-page part past its time to live is still shown while it is refreshed in the
   * background.
   */
  public long staleForSeconds() {
    return staleSeconds;
  }

  /** How long browsers and shared caches may keep a complete product page. */
  public long maxAgeSeconds() {
    return maxAgeSeconds;
  }

  public int faqLimit() {
    return faqLimit;
  }

  public int recentOrders() {
    return recentOrders;
  }

  public int ticketsScanned() {
    return ticketsScanned;
  }

  private static Duration positive(String key, String value) {
    Duration duration = duration(key, value);
    if (duration.isZero()) {
      throw new IllegalStateException(key + " must be longer than zero: " + value);
    }
    return duration;
  }

  private static long seconds(String key, String value) {
    return duration(key, value).toSeconds();
  }

  private static Duration duration(String key, String value) {
    try {
      Duration duration = Duration.parse(value.trim());
      if (duration.isNegative()) {
        throw new IllegalStateException(key + " must not be negative: " + value);
      }
      return duration;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalStateException(key + " must be an ISO-8601 duration such as PT5S", e);
    }
  }

  private static void page(String key, int value) {
    if (value < 1 || value > 100) {
      throw new IllegalStateException(key + " must be 1 to 100: " + value);
    }
  }
}
