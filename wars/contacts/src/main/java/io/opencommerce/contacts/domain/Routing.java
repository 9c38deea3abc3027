package io.opencommerce.contacts.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * Chooses where an inquiry goes, so that none is lost: the site's rule for its topic; else the
 * site's fallback rule; else the platform's fallback, which is the support agents' queue (and a
 * mailbox too, when one is configured).
 */
public final class Routing {
  private Routing() {}

  /**
   * The route of an inquiry on {@code topic}.
   *
   * @param rules the site's rules (those for the topic and the fallback are enough)
   * @param fallbackMailbox the platform's fallback mailbox; null or blank: none
   */
  public static Route route(String topic, Collection<RoutingRule> rules, String fallbackMailbox) {
    Optional<RoutingRule> own = rules.stream().filter(r -> r.topic().equals(topic)).findFirst();
    if (own.isPresent()) {
      return own.get().route();
    }
    return rules.stream()
        .filter(RoutingRule::isFallback)
        .findFirst()
        .map(RoutingRule::route)
        .orElseGet(() -> platformFallback(fallbackMailbox));
  }

  /** The support queue, and {@code mailbox} when there is one; named by no rule. */
  public static Route platformFallback(String mailbox) {
    return new Route(null, mailbox, true);
  }
}
