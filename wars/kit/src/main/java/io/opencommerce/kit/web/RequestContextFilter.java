package io.opencommerce.kit.web;

import io.opencommerce.kit.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads {@code X-Correlation-Id}, {@code traceparent} and {@code X-Site} (set by the gateway), and
 * echoes the correlation id on the response so a client can quote it. The client's address is the
 * direct peer's, or, when the peer is one of {@code platform.trusted-proxies}, the one those
 * proxies report in {@code X-Forwarded-For} ({@link ClientAddresses}).
 */
@Provider
@PreMatching
@Priority(100)
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String CORRELATION_ID = "X-Correlation-Id";
  public static final String TRACEPARENT = "traceparent";
  public static final String SITE = "X-Site";
  public static final String FORWARDED_FOR = "X-Forwarded-For";

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern TRACE =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final Pattern SITE_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  @Inject RequestContext context;
  @Inject ClientAddresses clients;

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
    String site = request.getHeaderString(SITE);
    if (site != null && !SITE_CODE.matcher(site).matches()) {
      request.abortWith(
          Problems.response(
              400, "invalid-site", "Bad request", "X-Site must be a lower-case site code."));
      return;
    }
    String remote =
        servletRequest == null
            ? null
            : clients.client(
                servletRequest.getRemoteAddr(), request.getHeaders().get(FORWARDED_FOR));
    context.set(correlationId, traceparent, site, remote);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(CORRELATION_ID, context.correlationId());
  }
}
