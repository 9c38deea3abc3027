package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.kit.web.RequestContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every site of the platform, in memory, one registry per service replica: what {@link
 * SiteResolver} resolves each request against, with no call to anything per request.
 *
 * <p><b>Loading.</b> At start the registry loads the whole feed from its {@link SiteSource} (the
 * websites service's {@code GET /sites/registry}), on a managed thread after start-up. Until a load
 * succeeds it tries again every {@code platform.sites.retry-interval} (PT2S); if the source cannot
 * be had and nothing is held yet, it takes the last snapshot another replica or service left in
 * Redis ({@link SiteSnapshots}), so a service restarting while the websites service is away still
 * knows the sites. Once loaded from the source it loads again every {@code platform.sites.refresh}
 * (PT1M), so a replica that missed an event converges, and after every load from the source it
 * writes the feed to Redis as the new snapshot. Until anything is loaded, requests are answered 503
 * {@code sites-unavailable} and the readiness check {@code <service>-sites} is down.
 *
 * <p><b>Between loads</b> {@code SiteChanged} events keep it fresh: every replica hears every
 * change through a queue of its own ({@link SiteEvents}). A site's state replaces the held one only
 * when its version is higher, so an event and a reload racing each other never move a site
 * backwards. An inactive site is held as inactive (a tombstone, {@link Site#tombstone}), so it is
 * refused, never forgotten.
 *
 * <p>{@code platform.sites.default} ({@value RequestContext#DEFAULT_SITE}) names the default site:
 * the site of a request that names none, and of work done outside requests.
 */
@ApplicationScoped
public class SiteRegistry {
  private static final Logger LOG = Logger.getLogger(SiteRegistry.class.getName());
  public static final String DEFAULT = "platform.sites.default";
  public static final String REFRESH = "platform.sites.refresh";
  public static final String RETRY_INTERVAL = "platform.sites.retry-interval";
  static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** Where the held sites came from. */
  public enum Origin {
    /** Nothing is held yet. */
    NONE,
    /** The snapshot in Redis: the source could not be had at start. */
    SNAPSHOT,
    /** The source (the websites service). */
    SOURCE
  }

  @Inject SiteSource source;
  @Inject SiteSnapshots snapshots;
  @Resource ManagedScheduledExecutorService scheduler;

  private String defaultCode = RequestContext.DEFAULT_SITE;
  private Duration refresh = Duration.ofMinutes(1);
  private Duration retryInterval = Duration.ofSeconds(2);
  private Clock clock = Clock.systemUTC();

  private volatile SiteTable table;
  private volatile Origin origin = Origin.NONE;
  private volatile Instant loadedAt;
  private volatile boolean closing;

  /** Held by one load at a time; events are applied meanwhile (they lock the registry only). */
  private final Object loading = new Object();

  private boolean failing;
  private ScheduledFuture<?> next;

  public SiteRegistry() {}

  /** A registry outside CDI (unit tests): nothing is loaded until {@link #refresh()} runs. */
  SiteRegistry(SiteSource source, SiteSnapshots snapshots, String defaultCode, Clock clock) {
    this.source = source;
    this.snapshots = snapshots;
    this.defaultCode = defaultCode;
    this.clock = clock;
  }

  @PostConstruct
  void init() {
    Config config = ConfigProvider.getConfig();
    defaultCode =
        config.getOptionalValue(DEFAULT, String.class).orElse(RequestContext.DEFAULT_SITE);
    if (!CODE.matcher(defaultCode).matches()) {
      throw new IllegalStateException(DEFAULT + " is not a site code: " + defaultCode);
    }
    refresh = duration(config, REFRESH, refresh);
    retryInterval = duration(config, RETRY_INTERVAL, retryInterval);
  }

  private static Duration duration(Config config, String key, Duration fallback) {
    String text = config.getOptionalValue(key, String.class).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      Duration value = Duration.parse(text.strip());
      if (value.isNegative() || value.isZero()) {
        throw new IllegalStateException(key + " must be a positive ISO-8601 duration: " + text);
      }
      return value;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(key + " must be a positive ISO-8601 duration: " + text, e);
    }
  }

  void start(@Observes Startup startup) {
    LOG.info(() -> "Loading the site registry from " + source);
    schedule(Duration.ZERO);
  }

  @PreDestroy
  synchronized void stop() {
    closing = true;
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  private synchronized void schedule(Duration delay) {
    if (!closing) {
      try {
        next = scheduler.schedule(this::cycle, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        LOG.fine("The application is stopping: no more loads of the site registry");
      }
    }
  }

  /** One load, then the next one: soon while nothing came from the source, else after refresh. */
  private void cycle() {
    boolean loaded = false;
    try {
      loaded = refresh();
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "Loading the site registry failed", e);
    }
    schedule(loaded || origin == Origin.SOURCE ? refresh : retryInterval);
  }

  /**
   * Loads the feed once now, in the background: the broker connection came back, and events sent
   * while it was away were missed.
   */
  public void refreshSoon() {
    if (!closing) {
      try {
        scheduler.submit(
            () -> {
              try {
                refresh();
              } catch (Throwable e) {
                LOG.log(Level.WARNING, "Loading the site registry failed", e);
              }
            });
      } catch (RejectedExecutionException e) {
        LOG.fine("The application is stopping: no more loads of the site registry");
      }
    }
  }

  /**
   * Loads the feed from the source and keeps it as the snapshot; when the source cannot be had and
   * nothing is held yet, takes the snapshot instead. Returns whether the source answered.
   */
  boolean refresh() {
    synchronized (loading) {
      return load();
    }
  }

  private boolean load() {
    List<Site> sites;
    List<SiteChanged> feed;
    try {
      feed = source.load();
      sites = sites(feed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      if (!failing) {
        LOG.warning(
            "The site registry cannot be loaded from "
                + source
                + " ("
                + e
                + (isLoaded()
                    ? "); keeping the " + table.size() + " sites held, trying again in " + refresh
                    : "); trying again every " + retryInterval));
        failing = true;
      }
      if (!isLoaded()) {
        fromSnapshot();
      }
      return false;
    }
    merge(sites);
    origin = Origin.SOURCE;
    loadedAt = clock.instant();
    if (failing) {
      LOG.info(() -> "The site registry loads from " + source + " again");
      failing = false;
    }
    LOG.fine(() -> "Site registry loaded: " + table.size() + " sites");
    try {
      snapshots.save(feed);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Keeping the site feed's snapshot failed", e);
    }
    return true;
  }

  private void fromSnapshot() {
    Optional<List<SiteChanged>> snapshot;
    try {
      snapshot = snapshots.load();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Reading the site feed's snapshot failed", e);
      return;
    }
    if (snapshot.isEmpty()) {
      return;
    }
    try {
      merge(sites(snapshot.get()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The site feed's snapshot cannot be read; ignored", e);
      return;
    }
    origin = Origin.SNAPSHOT;
    loadedAt = clock.instant();
    LOG.warning(
        () ->
            "The site registry holds the snapshot of the site feed ("
                + table.size()
                + " sites) until "
                + source
                + " answers");
  }

  private static List<Site> sites(List<SiteChanged> feed) {
    List<Site> sites = new ArrayList<>(feed.size());
    for (SiteChanged changed : feed) {
      sites.add(Site.of(changed));
    }
    return sites;
  }

  private synchronized void merge(Collection<Site> sites) {
    table = (table == null ? SiteTable.EMPTY : table).with(sites);
  }

  /**
   * Applies a {@code SiteChanged} event: its site replaces the held one if its version is higher.
   * Returns whether it did. Before the first load an event is held too (the load keeps what is
   * newer), though the registry does not count as loaded until then.
   */
  public synchronized boolean apply(SiteChanged changed) {
    Site site = Site.of(changed);
    SiteTable before = table == null ? SiteTable.EMPTY : table;
    SiteTable after = before.with(List.of(site));
    if (after == before) {
      return false;
    }
    table = after;
    return true;
  }

  /** Whether the registry has sites to resolve requests against (from the source or a snapshot). */
  public boolean isLoaded() {
    return origin != Origin.NONE;
  }

  public Origin origin() {
    return origin;
  }

  /** When the held sites were last loaded (null before). */
  public Instant loadedAt() {
    return loadedAt;
  }

  /** The default site's code ({@code platform.sites.default}). */
  public String defaultCode() {
    return defaultCode;
  }

  /** The site with {@code code}, active or not, if the registry holds it. */
  public Optional<Site> byCode(String code) {
    SiteTable held = loadedTable();
    return held == null || code == null ? Optional.empty() : held.byCode(code);
  }

  /** The site answering on {@code host} (lower case, no port), active or not. */
  public Optional<Site> byDomain(String host) {
    SiteTable held = loadedTable();
    return held == null || host == null ? Optional.empty() : held.byDomain(host);
  }

  /** Every site held, active or not. */
  public List<Site> sites() {
    SiteTable held = loadedTable();
    return held == null ? List.of() : List.copyOf(held.sites());
  }

  /**
   * The active site with {@code code}.
   *
   * @throws SiteRefused 404 {@code unknown-site} when there is none or it is inactive, 503 {@code
   *     sites-unavailable} before the registry has loaded
   */
  public Site require(String code) {
    if (!isLoaded()) {
      throw SiteRefused.unavailable();
    }
    return byCode(code).filter(Site::active).orElseThrow(() -> SiteRefused.unknown("Site " + code));
  }

  /** The default site; see {@link #require}. */
  public Site defaultSite() {
    return require(defaultCode);
  }

  private SiteTable loadedTable() {
    return origin == Origin.NONE ? null : table;
  }
}
