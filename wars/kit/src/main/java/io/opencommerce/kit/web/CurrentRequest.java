package io.opencommerce.kit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the {@link RequestContext} from code that also runs outside requests (start-up tasks,
 * schedulers): there it answers defaults instead of failing.
 */
@ApplicationScoped
public class CurrentRequest {
  @Inject RequestContext context;

  public String site() {
    return read(RequestContext::site, RequestContext.DEFAULT_SITE);
  }

  public String correlationId() {
    return read(RequestContext::correlationId, UUID.randomUUID().toString());
  }

  public String traceparent() {
    return read(RequestContext::traceparent, null);
  }

  public String remoteAddress() {
    return read(RequestContext::remoteAddress, null);
  }

  private <T> T read(Function<RequestContext, T> getter, T fallback) {
    try {
      return getter.apply(context);
    } catch (ContextNotActiveException e) {
      return fallback;
    }
  }
}
