package io.opencommerce.baskets.application;

import io.opencommerce.kit.work.Purges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guest baskets nobody changed for {@code baskets.guest-retention} (P30D) are deleted with their
 * items: their token lives only in a browser that has long forgotten it. (Their Redis copy expires
 * on its own within a day.) Customers' baskets are kept.
 */
@ApplicationScoped
public class Retention {
  @Inject Purges purges;

  @Inject
  @ConfigProperty(name = "baskets.guest-retention", defaultValue = "P30D")
  String guests;

  void start(@Observes Startup startup) {
    purges.keep(
        "abandoned guest baskets",
        Duration.parse(guests),
        "DELETE FROM baskets WHERE owner_id IS NULL AND updated_at < ? LIMIT ?");
  }
}
