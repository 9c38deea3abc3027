package io.opencommerce.kit.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who the client of a request is, behind the proxies named in {@code platform.trusted-proxies} (see
 * {@link TrustedProxies}; default: none, and the direct peer is the client). The list is read when
 * the application starts, and a list that cannot be read stops it: a typo must not silently trust
 * nobody (every client behind the gateway would then share one address and its limits) or
 * everybody.
 */
@ApplicationScoped
public class ClientAddresses {
  private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());
  public static final String TRUSTED_PROXIES = "platform.trusted-proxies";

  private TrustedProxies proxies = TrustedProxies.NONE;

  @PostConstruct
  void init() {
    String list =
        ConfigProvider.getConfig().getOptionalValue(TRUSTED_PROXIES, String.class).orElse("");
    try {
      proxies = TrustedProxies.parse(list);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(TRUSTED_PROXIES + ": " + e.getMessage(), e);
    }
    if (!proxies.isEmpty()) {
      LOG.info(() -> "X-Forwarded-For is read from " + list);
    }
  }

  void validate(@Observes Startup startup) {
    // Creating the bean reads and checks the list, before the service takes traffic.
  }

  /** See {@link TrustedProxies#client}. */
  public String client(String peer, List<String> forwardedFor) {
    return proxies.client(peer, forwardedFor);
  }
}
