package io.opencommerce.newsletters.application;

import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.newsletters.application.MailQueue.Draft;
import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.Recipient;
import io.opencommerce.newsletters.domain.Subscriber;
import io.opencommerce.newsletters.domain.SubscriptionStatus;
import io.opencommerce.newsletters.infrastructure.LinkSignatures.Purpose;
import io.opencommerce.newsletters.infrastructure.LinkSignatures.Signed;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import io.opencommerce.newsletters.infrastructure.SubscriptionLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Subscriptions to a site's newsletter, with double opt-in: anyone asks for an address (a
 * confirmation link is mailed to it, {@code subscription-confirmation}), the link confirms it, the
 * one-click link of every newsletter unsubscribes it. Customers subscribe their account's address
 * (from the read model of registered accounts, {@link Recipient}), see and end their own
 * subscription; administrators list the site's subscribers and export them.
 *
 * <p>Links are signed ({@link SubscriptionLinks}) and name their subscriber, whatever the site of
 * the request that follows them. A confirmation link is good for the request it was mailed for (its
 * opt-in round), and until the request expires ({@code
 * newsletters.subscriptions.confirmation-expiry}, P7D; unconfirmed subscribers are purged then).
 * Changes are counted in {@code newsletter_subscriptions_total{change}} ({@code requested}, {@code
 * confirmed}, {@code unsubscribed}).
 */
@ApplicationScoped
@Transactional
public class Subscriptions {
  /** How long an unconfirmed subscription waits for its confirmation. */
  public static final String EXPIRY = "newsletters.subscriptions.confirmation-expiry";

  private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject MailQueue queue;
  @Inject SubscriptionLinks links;
  @Inject SiteSettings sites;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = EXPIRY, defaultValue = "P7D")
  String expiry;

  /**
   * Which subscribers a list or an export shows; null fields do not filter, but the unsubscribed
   * are shown only when asked for by status (their addresses are kept only to keep them out of
   * every campaign).
   */
  public record Filter(SubscriptionStatus status, String language) {}

  /**
   * Someone asks for the site's newsletter at {@code email}: a new address is kept as pending, one
   * that left starts the opt-in again, and the confirmation link is mailed, unless the address is
   * subscribed already (then nothing happens, and the caller is not told).
   *
   * @param language the language asked for (two letters), or null
   */
  public Subscriber request(String email, String language) {
    Instant now = Instant.now();
    String site = request.site();
    String wanted = language == null ? null : sites.language(site, language);
    Subscriber subscriber = locked(site, Subscriber.normalized(email)).orElse(null);
    if (subscriber == null) {
      subscriber =
          new Subscriber(site, email, wanted == null ? sites.language(site, null) : wanted, now);
      em.persist(subscriber);
      em.flush(); // a concurrent request for the same address fails here (UniqueKeys)
      askToConfirm(subscriber, now);
    } else if (subscriber.request(wanted, now) == Subscriber.Request.MAIL_CONFIRMATION) {
      askToConfirm(subscriber, now);
    }
    return subscriber;
  }

  /**
   * Mails the confirmation link of the subscriber's current round. Each request has its mail (the
   * per-address and per-e-mail rate limits keep anyone from flooding a mailbox with them).
   */
  private void askToConfirm(Subscriber subscriber, Instant now) {
    queue.enqueue(
        new Draft(
            MailKind.SUBSCRIPTION_CONFIRMATION,
            "subscription:"
                + subscriber.id()
                + ":"
                + subscriber.optInRound()
                + ":"
                + now.toEpochMilli(),
            subscriber.email(),
            null,
            subscriber.language(),
            Map.of("confirmLink", links.confirmation(subscriber))),
        mail -> mail);
    count("requested");
    LOG.info(
        () ->
            "Subscriber "
                + subscriber.id()
                + " of site "
                + subscriber.site()
                + " asked to confirm (round "
                + subscriber.optInRound()
                + ")");
  }

  /**
   * Follows a confirmation link. 400 {@code invalid-link} for a link this shop did not sign (or one
   * of another purpose); 404 when its subscriber is gone or its request expired; 409 {@code
   * confirmation-outdated} for the link of an earlier request, or of a subscriber who left since.
   * Confirming twice is harmless.
   */
  public Subscriber confirm(String token) {
    Signed link = verified(Purpose.CONFIRM, token);
    Subscriber subscriber = lockedById(link.subscriber());
    Instant now = Instant.now();
    switch (subscriber.confirm(link.round(), Duration.parse(expiry), now)) {
      case CONFIRMED -> {
        count("confirmed");
        LOG.info(() -> "Subscriber " + subscriber.id() + " confirmed");
      }
      case ALREADY_CONFIRMED -> {}
      case OUTDATED ->
          throw ProblemException.conflict(
              "confirmation-outdated",
              "This link confirms an earlier request, or one the subscriber has ended since;"
                  + " nothing was changed. Subscribe again to receive a new link.");
      case EXPIRED -> throw ProblemException.notFound("Subscription", subscriber.id());
    }
    return subscriber;
  }

  /** The subscriber an unsubscribe link names, as it is (nothing changes). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Subscriber byUnsubscribeLink(String token) {
    UUID id = verified(Purpose.UNSUBSCRIBE, token).subscriber();
    Subscriber subscriber = em.find(Subscriber.class, id.toString());
    if (subscriber == null) {
      throw ProblemException.notFound("Subscription", id);
    }
    return subscriber;
  }

  /**
   * Follows an unsubscribe link (the one-click POST): the subscriber leaves, and their marketing
   * mails still queued are cancelled. 400 {@code invalid-link}, 404 as for confirmations; leaving
   * twice is harmless.
   */
  public Subscriber unsubscribe(String token) {
    return leave(lockedById(verified(Purpose.UNSUBSCRIBE, token).subscriber()));
  }

  private Subscriber leave(Subscriber subscriber) {
    if (subscriber.unsubscribe(Instant.now())) {
      int cancelled = queue.cancelMarketing(subscriber.id());
      count("unsubscribed");
      LOG.info(
          () ->
              "Subscriber "
                  + subscriber.id()
                  + " unsubscribed"
                  + (cancelled > 0 ? "; " + cancelled + " queued newsletter(s) cancelled" : ""));
    }
    return subscriber;
  }

  /** The signed-in customer's subscription on this site (by their account's address), if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Subscriber> own(UUID customerId) {
    Recipient account = em.find(Recipient.class, customerId.toString());
    return account == null ? Optional.empty() : find(request.site(), account.email(), false);
  }

  /**
   * The signed-in customer subscribes with their account's address: as anyone's request (the link
   * is mailed to it and must be followed), and the subscription is theirs to manage; a confirmed
   * one only takes the language asked for. 409 {@code account-unknown} while the service has not
   * heard of the account yet (its registration is on its way).
   */
  public Subscriber subscribeOwn(UUID customerId, String language) {
    Recipient account = em.find(Recipient.class, customerId.toString());
    if (account == null) {
      throw ProblemException.conflict(
          "account-unknown",
          "Your account is not known to the newsletters yet; try again in a moment.");
    }
    Instant now = Instant.now();
    Subscriber subscriber = request(account.email(), language);
    subscriber.belongsTo(customerId, now);
    if (subscriber.status() == SubscriptionStatus.CONFIRMED && language != null) {
      subscriber.changeLanguage(sites.language(subscriber.site(), language), now);
    }
    em.flush();
    return subscriber;
  }

  /** The signed-in customer leaves; without a subscription nothing happens. */
  public Optional<Subscriber> unsubscribeOwn(UUID customerId) {
    Recipient account = em.find(Recipient.class, customerId.toString());
    if (account == null) {
      return Optional.empty();
    }
    return locked(request.site(), account.email()).map(this::leave);
  }

  /** Subscribers of the site, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Subscriber> page(Filter filter, int limit, int offset) {
    return where(
            "SELECT s FROM Subscriber s",
            " ORDER BY s.createdAt DESC, s.id DESC",
            request.site(),
            filter,
            null,
            Subscriber.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    return where("SELECT COUNT(s) FROM Subscriber s", "", request.site(), filter, null, Long.class)
        .getSingleResult();
  }

  /**
   * The next {@code max} subscribers of {@code site} after {@code after} in id order (null: from
   * the first): what an export reads, a batch at a time, each in its own short read.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Subscriber> exportBatch(String site, Filter filter, UUID after, int max) {
    return where(
            "SELECT s FROM Subscriber s", " ORDER BY s.id", site, filter, after, Subscriber.class)
        .setMaxResults(max)
        .getResultList();
  }

  private <T> TypedQuery<T> where(
      String select, String order, String site, Filter filter, UUID after, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("s.site = :site", "site", site)
            .and("s.status = :status", "status", filter.status())
            .and(
                "s.status <> :left",
                "left",
                filter.status() == null ? SubscriptionStatus.UNSUBSCRIBED : null)
            .and("s.language = :language", "language", filter.language())
            .and("s.id > :after", "after", after == null ? null : after.toString());
    return where.bind(em.createQuery(select + where.where() + order, type));
  }

  private Signed verified(Purpose purpose, String token) {
    return links
        .verify(purpose, token)
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "invalid-link",
                    "This link is not valid: it was changed, or it is not one of this shop's "
                        + purpose.code()
                        + " links. Nothing was changed."));
  }

  private Subscriber lockedById(UUID id) {
    Subscriber subscriber =
        em.find(Subscriber.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (subscriber == null) {
      throw ProblemException.notFound("Subscription", id);
    }
    return subscriber;
  }

  private Optional<Subscriber> locked(String site, String email) {
    return find(site, email, true);
  }

  private Optional<Subscriber> find(String site, String email, boolean lock) {
    TypedQuery<Subscriber> query =
        em.createQuery(
                "SELECT s FROM Subscriber s WHERE s.site = :site AND s.email = :email",
                Subscriber.class)
            .setParameter("site", site)
            .setParameter("email", Subscriber.normalized(email));
    if (lock) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return query.getResultStream().findFirst();
  }

  private void count(String change) {
    metrics.counter("newsletter_subscriptions", new Tag("change", change)).inc();
  }
}
