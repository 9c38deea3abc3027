package io.opencommerce.kit.web;

import io.opencommerce.kit.sites.Site;
import io.opencommerce.kit.sites.SiteRefused;
import io.opencommerce.kit.sites.SiteResolver;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads {@code X-Correlation-Id} and {@code traceparent}, resolves the request's site, and echoes
 * the correlation id on the response so a client can quote it. The client's address is the direct
 * peer's, or, when the peer is one of {@code platform.trusted-proxies}, the one those proxies
 * report in {@code X-Forwarded-For} ({@link ClientAddresses}).
 *
 * <p>The site, before any other work ({@link SiteResolver}, against the registry held in memory):
 * {@code X-Site} when a trusted proxy sent it (the edge, or another service passing its request's
 * site on); else the site whose domains hold the host the request was sent to ({@code
 * X-Forwarded-Host} from a trusted proxy, else {@code Host}); else the default site ({@code
 * platform.sites.default}). An {@code X-Site} that is no site code is 400 {@code invalid-site}, a
 * code or host of an unknown or inactive site 404 {@code unknown-site}, and every request 503
 * {@code sites-unavailable} (with {@code Retry-After}) until the registry has loaded. The site is
 * then {@link RequestContext#site()} (its code) and {@link RequestContext#currentSite()}.
 */
@Provider
@PreMatching
@Priority(100)
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String CORRELATION_ID = "X-Correlation-Id";
  public static final String TRACEPARENT = "traceparent";
  public static final String SITE = "X-Site";
  public static final String FORWARDED_FOR = "X-Forwarded-For";

  /**
   * What an answer that depends on the request's site varies by, for caches ({@code Vary}): the
   * headers the site is resolved from. Every cacheable answer (an {@code ETag}, or a public {@code
   * max-age}) gets it.
   */
  public static final String SITE_VARY = "Host, X-Forwarded-Host, X-Site";

  public static final String FORWARDED_HOST = "X-Forwarded-Host";

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern TRACE =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  @Inject RequestContext context;
  @Inject ClientAddresses clients;
  @Inject SiteResolver sites;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String correlationId = request.getHeaderString(CORRELATION_ID);
    if (correlationId == null || !SAFE_ID.matcher(correlationId).matches()) {
      correlationId = UUID.randomUUID().toString();
    }
    String traceparent = request.getHeaderString(TRACEPARENT);
    if (traceparent != null && !TRACE.matcher(traceparent).matches()) {
      traceparent = null;
    }
    String peer = servletRequest == null ? null : servletRequest.getRemoteAddr();
    String remote =
        peer == null ? null : clients.client(peer, request.getHeaders().get(FORWARDED_FOR));
    Site site;
    try {
      site =
          sites.resolve(
              peer,
              request.getHeaderString(SITE),
              request.getHeaders().getFirst(FORWARDED_HOST),
              host(request));
    } catch (SiteRefused refused) {
      context.set(correlationId, traceparent, (String) null, remote);
      request.abortWith(refused.toResponse());
      return;
    }
    context.set(correlationId, traceparent, site, remote);
  }

  private static String host(ContainerRequestContext request) {
    String host = request.getHeaderString(HttpHeaders.HOST);
    return host != null ? host : request.getUriInfo().getRequestUri().getAuthority();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(CORRELATION_ID, context.correlationId());
    if (cacheable(response)) {
      varyBySite(response);
    }
  }

  /** An answer a cache may keep or revalidate: one with an entity tag or a public lifetime. */
  private static boolean cacheable(ContainerResponseContext response) {
    if (response.getHeaders().containsKey(HttpHeaders.ETAG)) {
      return true;
    }
    String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
    return cacheControl != null
        && cacheControl.contains("max-age")
        && !cacheControl.contains("no-store")
        && !cacheControl.contains("private");
  }

  /**
   * Every cacheable answer depends on the request's site: {@code Vary} names what it was resolved
   * from ({@link #SITE_VARY}), beside whatever the resource varies by itself.
   */
  private static void varyBySite(ContainerResponseContext response) {
    String vary = response.getHeaderString(HttpHeaders.VARY);
    if (vary == null || vary.isBlank()) {
      response.getHeaders().putSingle(HttpHeaders.VARY, SITE_VARY);
    } else if (!vary.contains(SITE)) {
      response.getHeaders().putSingle(HttpHeaders.VARY, vary + ", " + SITE_VARY);
    }
  }
}
