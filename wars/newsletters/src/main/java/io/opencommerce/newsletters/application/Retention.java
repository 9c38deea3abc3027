package io.opencommerce.newsletters.application;

import io.opencommerce.kit.work.Purges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A subscription nobody confirmed within {@code newsletters.subscriptions.confirmation-expiry}
 * (P7D) is deleted, address and all: someone may have typed another person's address, and the shop
 * keeps nothing of it but the confirmation mail. Its link then finds nothing (404).
 */
@ApplicationScoped
public class Retention {
  @Inject Purges purges;

  @Inject
  @ConfigProperty(name = Subscriptions.EXPIRY, defaultValue = "P7D")
  String confirmationExpiry;

  void start(@Observes Startup startup) {
    purges.keep(
        "unconfirmed subscriptions",
        Duration.parse(confirmationExpiry),
        "DELETE FROM subscribers WHERE status = 'PENDING' AND requested_at < ? LIMIT ?");
  }
}
