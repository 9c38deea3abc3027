package io.opencommerce.kit.events;

import io.opencommerce.kit.persistence.DatabaseMigrations;
import io.opencommerce.kit.work.Purges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long the bridge keeps its rows: published outbox rows for {@code events.outbox.retention}
 * (P7D: audits and replays), handled events' ids for {@code events.inbox.retention} (P14D: longer
 * than any redelivery or dead-letter replay is expected to come, since an event whose id is gone
 * would be handled again). A service without a database ({@code platform.datasource=none}) has
 * neither.
 */
@ApplicationScoped
public class EventRetention {
  @Inject Purges purges;
  @Inject DatabaseMigrations database;

  @Inject
  @ConfigProperty(name = "events.outbox.retention", defaultValue = "P7D")
  String outbox;

  @Inject
  @ConfigProperty(name = "events.inbox.retention", defaultValue = "P14D")
  String inbox;

  void start(@Observes Startup startup) {
    if (database.withoutDatabase()) {
      return; // no outbox nor inbox (platform.datasource=none)
    }
    purges.keep(
        "published outbox rows",
        Duration.parse(outbox),
        "DELETE FROM outbox WHERE published_at < ? LIMIT ?");
    purges.keep(
        "handled events' ids",
        Duration.parse(inbox),
        "DELETE FROM inbox WHERE received_at < ? LIMIT ?");
  }
}
