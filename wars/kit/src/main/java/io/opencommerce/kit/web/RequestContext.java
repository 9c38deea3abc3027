package io.opencommerce.kit.web;

import io.opencommerce.kit.sites.Site;
import io.opencommerce.kit.sites.SiteRefused;
import io.opencommerce.kit.sites.SiteRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What travels with a request across services: the correlation id, the W3C trace context, the site
 * (store) it is for, and the caller's address. Filled from HTTP headers by {@link
 * RequestContextFilter} (which resolves the site against the {@link SiteRegistry}), and from
 * message headers when an event is consumed.
 */
@RequestScoped
public class RequestContext {
  /** The default site's code unless {@code platform.sites.default} names another. */
  public static final String DEFAULT_SITE = "default";

  @Inject SiteRegistry registry;

  private String correlationId;
  private String traceparent;
  private String site;
  private Site resolved;
  private String remoteAddress;

  public String correlationId() {
    if (correlationId == null) {
      correlationId = UUID.randomUUID().toString();
    }
    return correlationId;
  }

  public String traceparent() {
    return traceparent;
  }

  /** The site's code: the request's site, an event's, or the default site's. */
  public String site() {
    return site != null ? site : registry.defaultCode();
  }

  /**
   * The site itself: the one {@link RequestContextFilter} resolved, or, for an event or work that
   * named a site by its code, that site as the registry holds it (inactive included: the event
   * happened); the default site when none was named.
   *
   * @throws SiteRefused 404 {@code unknown-site} for a code the registry does not know, 503 {@code
   *     sites-unavailable} before it has loaded
   */
  public Site currentSite() {
    if (resolved != null) {
      return resolved;
    }
    if (site == null) {
      return registry.defaultSite();
    }
    if (!registry.isLoaded()) {
      return registry.defaultSite(); // throws sites-unavailable
    }
    Site known = registry.byCode(site).orElseThrow(() -> SiteRefused.unknown("Site " + site));
    resolved = known;
    return known;
  }

  /**
   * The client's address: the direct peer's, or behind a trusted proxy the client's as the proxies
   * report it ({@link TrustedProxies}), in canonical form; what the audit records and per-address
   * rate limits count. Null outside an HTTP request.
   */
  public String remoteAddress() {
    return remoteAddress;
  }

  /** Names the site by its code (an event's, a record's); {@link #currentSite} looks it up. */
  public void set(String correlationId, String traceparent, String site, String remoteAddress) {
    this.correlationId = correlationId;
    this.traceparent = traceparent;
    this.site = site;
    this.resolved = null;
    this.remoteAddress = remoteAddress;
  }

  /** The request's site as {@link RequestContextFilter} resolved it. */
  public void set(String correlationId, String traceparent, Site site, String remoteAddress) {
    set(correlationId, traceparent, site == null ? null : site.code(), remoteAddress);
    this.resolved = site;
  }
}
