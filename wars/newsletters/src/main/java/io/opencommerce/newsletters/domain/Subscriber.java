package io.opencommerce.newsletters.domain;

import io.opencommerce.kit.persistence.SiteScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One address subscribed (or asking to be) to one site's newsletter, with double opt-in: a request
 * makes it {@link SubscriptionStatus#PENDING} and mails a confirmation link; following the link
 * confirms it; the one-click link of every newsletter (or the customer's own page) unsubscribes it.
 * An address has one subscriber per site, kept after it leaves so that no campaign reaches it
 * again; asking again starts the opt-in again, under a new {@linkplain #optInRound() round}, so
 * that the confirmation links of earlier requests confirm nothing.
 */
@Entity
@Table(name = "subscribers")
public class Subscriber implements SiteScoped {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 40)
  private String site;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(nullable = false, length = 8)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SubscriptionStatus status;

  @Column(name = "customer_id", length = 36)
  private String customerId;

  @Column(name = "opt_in_round", nullable = false)
  private int optInRound;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "unsubscribed_at")
  private Instant unsubscribedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Subscriber() {}

  /** A new request for {@code email} on {@code site}: pending, first round. */
  public Subscriber(String site, String email, String language, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site, "site is required");
    this.email = normalized(email);
    this.language = Objects.requireNonNull(language, "language is required");
    this.status = SubscriptionStatus.PENDING;
    this.optInRound = 1;
    this.requestedAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * An address as subscribers are kept and found: without surrounding blanks, in lower case (one
   * mailbox, one subscriber, however it is typed).
   */
  public static String normalized(String email) {
    Objects.requireNonNull(email, "email is required");
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** What a new request for an address that has a subscriber already calls for. */
  public enum Request {
    /** Mail the confirmation link (again): the address is pending now. */
    MAIL_CONFIRMATION,
    /** Nothing: the address is subscribed already. */
    NOTHING
  }

  /**
   * Someone asks (again) for this address to receive the newsletter, in {@code language} (null: the
   * language it has). A pending subscriber is asked to confirm again (same round: every link mailed
   * for it works), and waits from now; an unsubscribed one starts the double opt-in again under a
   * new round; a confirmed one stays as it is (a request changes nothing of it, not even its
   * language: anyone may send one).
   */
  public Request request(String language, Instant now) {
    switch (status) {
      case CONFIRMED -> {
        return Request.NOTHING;
      }
      case UNSUBSCRIBED -> {
        optInRound++;
        status = SubscriptionStatus.PENDING;
        confirmedAt = null;
        unsubscribedAt = null;
      }
      case PENDING -> {}
    }
    if (language != null) {
      this.language = language;
    }
    requestedAt = now;
    updatedAt = now;
    return Request.MAIL_CONFIRMATION;
  }

  /** What following a confirmation link did. */
  public enum Confirmation {
    /** Confirmed now. */
    CONFIRMED,
    /** Confirmed before: nothing changed. */
    ALREADY_CONFIRMED,
    /**
     * The link was mailed for an earlier request (another round), or the subscriber has left since:
     * nothing changed.
     */
    OUTDATED,
    /** The request waited longer than its expiry: nothing changed (it is about to be purged). */
    EXPIRED
  }

  /**
   * Follows a confirmation link of round {@code round}: confirms a pending subscriber whose request
   * is younger than {@code expiry}. Confirming twice is harmless.
   */
  public Confirmation confirm(int round, Duration expiry, Instant now) {
    if (round != optInRound || status == SubscriptionStatus.UNSUBSCRIBED) {
      return Confirmation.OUTDATED;
    }
    if (status == SubscriptionStatus.CONFIRMED) {
      return Confirmation.ALREADY_CONFIRMED;
    }
    if (isExpired(expiry, now)) {
      return Confirmation.EXPIRED;
    }
    status = SubscriptionStatus.CONFIRMED;
    confirmedAt = now;
    updatedAt = now;
    return Confirmation.CONFIRMED;
  }

  /** Whether a pending request has waited longer than {@code expiry} for its confirmation. */
  public boolean isExpired(Duration expiry, Instant now) {
    return status == SubscriptionStatus.PENDING && requestedAt.plus(expiry).isBefore(now);
  }

  /**
   * Leaves the newsletter (pending or confirmed). Returns false when it had left already: leaving
   * twice is harmless.
   */
  public boolean unsubscribe(Instant now) {
    if (status == SubscriptionStatus.UNSUBSCRIBED) {
      return false;
    }
    status = SubscriptionStatus.UNSUBSCRIBED;
    unsubscribedAt = now;
    updatedAt = now;
    return true;
  }

  /** A confirmed subscriber's language, changed by themselves (their own page). */
  public boolean changeLanguage(String language, Instant now) {
    if (language == null || language.equals(this.language)) {
      return false;
    }
    this.language = language;
    updatedAt = now;
    return true;
  }

  /** The customer account this address belongs to (who manages it on their own page). */
  public void belongsTo(UUID customerId, Instant now) {
    String customer = customerId == null ? null : customerId.toString();
    if (!Objects.equals(customer, this.customerId)) {
      this.customerId = customer;
      updatedAt = now;
    }
  }

  /** Whether marketing mail may go to this address now: only while confirmed. */
  public boolean receivesMarketing() {
    return status == SubscriptionStatus.CONFIRMED;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  public String email() {
    return email;
  }

  public String language() {
    return language;
  }

  public SubscriptionStatus status() {
    return status;
  }

  public UUID customerId() {
    return customerId == null ? null : UUID.fromString(customerId);
  }

  /** The double opt-in this subscriber is in: 1, and one more for every request after leaving. */
  public int optInRound() {
    return optInRound;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant confirmedAt() {
    return confirmedAt;
  }

  public Instant unsubscribedAt() {
    return unsubscribedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
