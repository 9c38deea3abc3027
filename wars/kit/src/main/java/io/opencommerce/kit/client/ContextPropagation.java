package io.opencommerce.kit.client;

import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.RequestContextFilter;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Carries the caller's site, correlation id and trace context to the service it calls. */
public class ContextPropagation implements ClientRequestFilter {
  private final CurrentRequest request;

  public ContextPropagation(CurrentRequest request) {
    this.request = request;
  }

  @Override
  public void filter(ClientRequestContext outgoing) {
    outgoing.getHeaders().putSingle(RequestContextFilter.SITE, request.site());
    outgoing.getHeaders().putSingle(RequestContextFilter.CORRELATION_ID, request.correlationId());
    String traceparent = request.traceparent();
    if (traceparent != null) {
      outgoing.getHeaders().putSingle(RequestContextFilter.TRACEPARENT, traceparent);
    }
  }
}
