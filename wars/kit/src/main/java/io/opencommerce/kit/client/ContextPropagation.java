package io.opencommerce.kit.client;

import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.RequestContextFilter;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Carries the caller's site, correlation id and trace context to the service it calls: from the
 * current request, or on a call thread of {@link ParallelCalls} from the request that started the
 * call.
 */
public class ContextPropagation implements ClientRequestFilter {
  private final CurrentRequest request;

  public ContextPropagation(CurrentRequest request) {
    this.request = request;
  }

  @Override
  public void filter(ClientRequestContext outgoing) {
    ParallelCalls.Captured captured = ParallelCalls.captured();
    outgoing
        .getHeaders()
        .putSingle(RequestContextFilter.SITE, captured != null ? captured.site() : request.site());
    outgoing
        .getHeaders()
        .putSingle(
            RequestContextFilter.CORRELATION_ID,
            captured != null ? captured.correlationId() : request.correlationId());
    // Where the server traces, its REST client has set the client span's own context already.
    String traceparent = captured != null ? captured.traceparent() : request.traceparent();
    if (traceparent != null
        && !outgoing.getHeaders().containsKey(RequestContextFilter.TRACEPARENT)) {
      outgoing.getHeaders().putSingle(RequestContextFilter.TRACEPARENT, traceparent);
    }
  }
}
