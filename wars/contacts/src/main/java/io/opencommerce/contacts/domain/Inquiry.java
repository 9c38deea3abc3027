package io.opencommerce.contacts.domain;

import io.opencommerce.contracts.contacts.ContactAnswered;
import io.opencommerce.contracts.contacts.ContactReceived;
import io.opencommerce.kit.persistence.SiteScoped;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message someone sent through a site's contact form: who sent it (name, e-mail, the language to
 * answer in), on what topic, where it was routed when it arrived ({@link Route}), and where it
 * stands ({@link InquiryStatus}), with every step in its history: the arrival, each answer with its
 * text, the closing. It holds personal data, so it is purged once closed for long enough.
 */
@Entity
// Never in EclipseLink's shared cache: another replica may have answered it since, and a purged
// inquiry's personal data must not live on in memory.
@Table(name = "inquiries")
public class Inquiry implements SiteScoped {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 40)
  private String site;

  @Column(nullable = false, length = 40)
  private String topic;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(nullable = false)
  private String message;

  @Column(length = 35)
  private String language;

  @Embedded private Route route;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private InquiryStatus status;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "inquiry_history", joinColumns = @JoinColumn(name = "inquiry_id"))
  @OrderColumn(name = "position")
  private List<InquiryStep> history = new ArrayList<>();

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Version private long version;

  protected Inquiry() {}

  /** An inquiry just received and routed: {@code NEW}, its arrival the first step. */
  public Inquiry(
      UUID id,
      String site,
      String name,
      String email,
      String topic,
      String message,
      String language,
      Route route,
      Instant now) {
    this.id = id.toString();
    this.site = Objects.requireNonNull(site, "site is required");
    this.name = Objects.requireNonNull(name, "name is required").strip();
    this.email = Objects.requireNonNull(email, "email is required").strip();
    this.topic = Objects.requireNonNull(topic, "topic is required");
    this.message = Objects.requireNonNull(message, "message is required").strip();
    this.language = language;
    this.route = Objects.requireNonNull(route, "route is required");
    this.status = InquiryStatus.NEW;
    this.receivedAt = now;
    this.updatedAt = now;
    this.history.add(new InquiryStep(null, InquiryStatus.NEW, now, null, null));
  }

  /**
   * Records an answer: the inquiry is {@code ANSWERED}, with the answer in its history.
   *
   * @throws IllegalTransitionException once the inquiry is closed
   */
  public void answer(String text, String actor, Instant now) {
    Objects.requireNonNull(text, "text is required");
    move(InquiryStatus.ANSWERED, text, actor, now);
  }

  /**
   * Closes the inquiry, with why in its history. Returns false, changing nothing, when it already
   * was closed.
   */
  public boolean close(String reason, String actor, Instant now) {
    if (status == InquiryStatus.CLOSED) {
      return false;
    }
    move(InquiryStatus.CLOSED, reason, actor, now);
    closedAt = now;
    return true;
  }

  private void move(InquiryStatus next, String text, String actor, Instant now) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    history.add(new InquiryStep(status, next, now, actor, text));
    status = next;
    updatedAt = now;
  }

  /** What is published when the inquiry has been stored: the mailer tells its team and sender. */
  public ContactReceived received() {
    return new ContactReceived(
        id(),
        name,
        email,
        topic,
        message,
        language,
        route.mailbox(),
        route.supportQueue(),
        receivedAt);
  }

  /** What is published of an answer given {@code at}: the mailer sends it to the sender. */
  public ContactAnswered answered(String answer, Instant at) {
    return new ContactAnswered(id(), name, email, topic, message, answer, language, at);
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

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public String message() {
    return message;
  }

  /** The language to answer in; null when the form did not say. */
  public String language() {
    return language;
  }

  public Route route() {
    return route;
  }

  public InquiryStatus status() {
    return status;
  }

  /** The history, oldest first. */
  public List<InquiryStep> history() {
    return List.copyOf(history);
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** When the inquiry was closed; null while it is open. */
  public Instant closedAt() {
    return closedAt;
  }

  public long version() {
    return version;
  }
}
