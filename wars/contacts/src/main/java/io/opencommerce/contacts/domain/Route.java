package io.opencommerce.contacts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Where an inquiry goes: a team's {@code mailbox}, the support agents' queue, or both — never
 * nowhere. {@code rule} is the topic of the routing rule that chose it, null when no rule of the
 * site did and the platform's fallback took it ({@link Routing}).
 */
@Embeddable
public class Route {
  @Column(name = "route_rule", length = 40)
  private String rule;

  @Column(name = "route_mailbox", length = 254)
  private String mailbox;

  @Column(name = "route_support_queue", nullable = false)
  private boolean supportQueue;

  protected Route() {}

  /**
   * @throws IllegalArgumentException when the route leads nowhere (no mailbox, not the queue)
   */
  public Route(String rule, String mailbox, boolean supportQueue) {
    if (!leadsSomewhere(mailbox, supportQueue)) {
      throw new IllegalArgumentException(
          "A route leads to a team mailbox, the support queue or both.");
    }
    this.rule = rule;
    this.mailbox = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
    this.supportQueue = supportQueue;
  }

  /**
   * Whether a route to {@code mailbox} (null or blank: none) and maybe the queue leads anywhere.
   */
  public static boolean leadsSomewhere(String mailbox, boolean supportQueue) {
    return supportQueue || (mailbox != null && !mailbox.isBlank());
  }

  public String rule() {
    return rule;
  }

  public String mailbox() {
    return mailbox;
  }

  public boolean supportQueue() {
    return supportQueue;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Route r
        && Objects.equals(rule, r.rule)
        && Objects.equals(mailbox, r.mailbox)
        && supportQueue == r.supportQueue;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, mailbox, supportQueue);
  }

  @Override
  public String toString() {
    return "Route[rule=" + rule + ", mailbox=" + mailbox + ", supportQueue=" + supportQueue + "]";
  }
}
