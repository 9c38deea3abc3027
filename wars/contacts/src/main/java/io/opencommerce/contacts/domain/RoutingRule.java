package io.opencommerce.contacts.domain;

import io.opencommerce.kit.persistence.SiteScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a site's inquiries on one topic go: a team's mailbox, the support agents' queue, or both.
 * The topics of a site's rules are the topics its contact form offers. One rule per site may be the
 * site's fallback, which also takes the topics that have no rule of their own; the database holds
 * that to one ({@code fallback_site} is the site for the fallback, null for every other rule, and
 * unique).
 */
@Entity
// Never in EclipseLink's shared cache: a rule changed through another replica routes at once.
@Table(name = "routing_rules")
public class RoutingRule implements SiteScoped {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 40)
  private String site;

  @Column(nullable = false, length = 40)
  private String topic;

  @Column(length = 100)
  private String label;

  @Column(length = 254)
  private String mailbox;

  @Column(name = "support_queue", nullable = false)
  private boolean supportQueue;

  @Column(name = "fallback_site", length = 40)
  private String fallbackSite;

  /** Where the topic comes in the form's list ("position" is a reserved word of JPQL). */
  @Column(name = "position", nullable = false)
  private int formPosition;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected RoutingRule() {}

  /** A new rule of {@code site}; {@link #describe} says where it routes what. */
  public RoutingRule(String site, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site, "site is required");
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Sets the rule's topic and destination; a blank label or mailbox is none.
   *
   * @throws IllegalArgumentException when it would route nowhere ({@link Route#leadsSomewhere})
   */
  public void describe(
      String topic,
      String label,
      String mailbox,
      boolean supportQueue,
      boolean fallback,
      int position,
      Instant now) {
    if (!Route.leadsSomewhere(mailbox, supportQueue)) {
      throw new IllegalArgumentException(
          "A rule routes to a team mailbox, the support queue or both.");
    }
    this.topic = Objects.requireNonNull(topic, "topic is required");
    this.label = label == null || label.isBlank() ? null : label.strip();
    this.mailbox = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
    this.supportQueue = supportQueue;
    this.fallbackSite = fallback ? site : null;
    this.formPosition = position;
    this.updatedAt = now;
  }

  /** Where the rule sends an inquiry, naming itself as the rule that chose it. */
  public Route route() {
    return new Route(topic, mailbox, supportQueue);
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  public String topic() {
    return topic;
  }

  /** What the contact form shows for the topic: its label, or the topic itself. */
  public String label() {
    return label == null ? topic : label;
  }

  public String mailbox() {
    return mailbox;
  }

  public boolean supportQueue() {
    return supportQueue;
  }

  /** Whether the rule also takes the site's topics that have no rule of their own. */
  public boolean isFallback() {
    return fallbackSite != null;
  }

  public int position() {
    return formPosition;
  }

  public long version() {
    return version;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
