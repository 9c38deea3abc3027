package io.opencommerce.kit.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * What travels with a request across services: the correlation id, the W3C trace context, the site
 * (store) it is for, and the caller's address. Filled from HTTP headers by {@link
 * RequestContextFilter}, and from message headers when an event is consumed.
 */
@RequestScoped
public class RequestContext {
  public static final String DEFAULT_SITE = "default";

  private String correlationId;
  private String traceparent;
  private String site = DEFAULT_SITE;
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

  public String site() {
    return site;
  }

  /**
   * The client's address: the direct peer's, or behind a trusted proxy the client's as the proxies
   * report it ({@link TrustedProxies}), in canonical form; what the audit records and per-address
   * rate limits count. Null outside an HTTP request.
   */
  public String remoteAddress() {
    return remoteAddress;
  }

  public void set(String correlationId, String traceparent, String site, String remoteAddress) {
    this.correlationId = correlationId;
    this.traceparent = traceparent;
    this.site = site == null ? DEFAULT_SITE : site;
    this.remoteAddress = remoteAddress;
  }
}
