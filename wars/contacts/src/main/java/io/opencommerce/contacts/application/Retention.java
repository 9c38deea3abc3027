package io.opencommerce.contacts.application;

import io.opencommerce.kit.work.Purges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inquiries hold personal data (a name, an e-mail address, what the sender wrote): once closed for
 * {@code contacts.retention.closed-inquiries} (P365D) they are deleted with their history. Open
 * inquiries are kept until someone closes them.
 */
@ApplicationScoped
public class Retention {
  @Inject Purges purges;

  @Inject
  @ConfigProperty(name = "contacts.retention.closed-inquiries", defaultValue = "P365D")
  String closedInquiries;

  void start(@Observes Startup startup) {
    purges.keep(
        "closed inquiries",
        Duration.parse(closedInquiries),
        "DELETE FROM inquiries WHERE status = 'CLOSED' AND closed_at < ? LIMIT ?");
  }
}
