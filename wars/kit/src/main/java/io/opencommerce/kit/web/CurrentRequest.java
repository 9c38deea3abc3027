package io.opencommerce.kit.web;

import io.opencommerce.kit.sites.Site;
import io.opencommerce.kit.sites.SiteRegistry;
import io.opencommerce.kit.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the {@link RequestContext} from code that also runs outside requests (start-up tasks,
 * schedulers): there it answers defaults instead of failing — the default site ({@code
 * platform.sites.default}) from the {@link SiteRegistry}.
 */
@ApplicationScoped
public class CurrentRequest {
  @Inject RequestContext context;
  @Inject SiteRegistry registry;

  /** The site's code. */
  public String site() {
    try {
      return context.site();
    } catch (ContextNotActiveException e) {
      return registry.defaultCode();
    }
  }

  /**
   * The site itself ({@link RequestContext#currentSite}); outside requests the default site.
   *
   * @throws io.opencommerce.kit.sites.SiteRefused 503 {@code sites-unavailable} before the registry
   *     has loaded, 404 {@code unknown-site} for a code it does not know
   */
  public Site currentSite() {
    try {
      return context.currentSite();
    } catch (ContextNotActiveException e) {
      return registry.defaultSite();
    }
  }

  public String correlationId() {
    return read(RequestContext::correlationId, UUID.randomUUID().toString());
  }

  /**
   * The trace context to hand on (to a service called, in an event published): the current span's
   * where this server traces ({@link Traces}), else the request's own {@code traceparent} as it
   * came, so a server without tracing passes its caller's trace through.
   */
  public String traceparent() {
    String current = Traces.traceparent();
    return current != null ? current : read(RequestContext::traceparent, null);
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
