package io.opencommerce.contacts.application;

import io.opencommerce.contacts.client.RoutingRuleRequest;
import io.opencommerce.contacts.domain.Route;
import io.opencommerce.contacts.domain.Routing;
import io.opencommerce.contacts.domain.RoutingRule;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing rules of the request's site, which administrators keep, and the routing of an inquiry
 * by them ({@link Routing}): its topic's rule, else the site's fallback rule, else the platform's
 * fallback (the support queue, and {@code contacts.routing.fallback-mailbox} when set).
 */
@ApplicationScoped
@Transactional
public class RoutingRules {
  private static final Logger LOG = Logger.getLogger(RoutingRules.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;

  private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@[^@\\s]+");

  /** The mailbox that gets what no rule of a site routes, beside the support queue. */
  @Inject
  @ConfigProperty(name = "contacts.routing.fallback-mailbox")
  Optional<String> fallbackMailbox;

  /** A fallback mailbox that is no e-mail address stops the service rather than lose mail. */
  void validate(@Observes Startup startup) {
    fallbackMailbox.ifPresent(
        mailbox -> {
          if (!MAILBOX.matcher(mailbox.strip()).matches()) {
            throw new IllegalStateException(
                "contacts.routing.fallback-mailbox is not an e-mail address: " + mailbox);
          }
        });
  }

  /** Adds a rule; 409 {@code topic-taken} when the site has one for that topic. */
  public RoutingRule create(RoutingRuleRequest body) {
    String site = request.site();
    if (byTopic(site, body.topic()).isPresent()) {
      throw topicTaken(body.topic());
    }
    RoutingRule rule = new RoutingRule(site, Instant.now());
    describe(rule, body);
    em.persist(rule);
    flush();
    LOG.info(() -> "Routing rule " + rule.topic() + " of site " + site + ": " + rule.route());
    return rule;
  }

  /** Replaces a rule, its topic included; 409 {@code topic-taken} when another rule has it. */
  public RoutingRule replace(UUID id, RoutingRuleRequest body) {
    RoutingRule rule = get(id);
    if (!rule.topic().equals(body.topic()) && byTopic(rule.site(), body.topic()).isPresent()) {
      throw topicTaken(body.topic());
    }
    describe(rule, body);
    flush();
    LOG.info(
        () -> "Routing rule " + rule.topic() + " of site " + rule.site() + ": " + rule.route());
    return rule;
  }

  /** Deletes a rule: its topic leaves the form, and goes to the fallback from now on. */
  public void delete(UUID id) {
    RoutingRule rule = get(id);
    em.remove(rule);
    LOG.info(() -> "Routing rule " + rule.topic() + " of site " + rule.site() + " deleted");
  }

  /** A rule of the request's site; 404 otherwise. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RoutingRule get(UUID id) {
    return records.find(em, RoutingRule.class, id, rule -> true);
  }

  /** The site's rules in the order the form shows their topics: by position, then topic. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RoutingRule> page(int limit, int offset) {
    return em.createQuery(
            "SELECT r FROM RoutingRule r WHERE r.site = :site"
                + " ORDER BY r.formPosition, r.topic, r.id",
            RoutingRule.class)
        .setParameter("site", request.site())
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return em.createQuery("SELECT COUNT(r) FROM RoutingRule r WHERE r.site = :site", Long.class)
        .setParameter("site", request.site())
        .getSingleResult();
  }

  /** Every rule of the site, in the form's order: what the contact form offers. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RoutingRule> offered() {
    return em.createQuery(
            "SELECT r FROM RoutingRule r WHERE r.site = :site ORDER BY r.formPosition, r.topic",
            RoutingRule.class)
        .setParameter("site", request.site())
        .getResultList();
  }

  /** Where an inquiry on {@code topic} of the request's site goes; never nowhere. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Route routeFor(String topic) {
    String site = request.site();
    List<RoutingRule> candidates =
        em.createQuery(
                "SELECT r FROM RoutingRule r WHERE r.site = :site"
                    + " AND (r.topic = :topic OR r.fallbackSite = :site)",
                RoutingRule.class)
            .setParameter("site", site)
            .setParameter("topic", topic)
            .getResultList();
    return Routing.route(topic, candidates, fallbackMailbox.orElse(null));
  }

  private void describe(RoutingRule rule, RoutingRuleRequest body) {
    boolean queue = Boolean.TRUE.equals(body.supportQueue());
    if (!Route.leadsSomewhere(body.mailbox(), queue)) {
      throw ProblemException.invalidBody(
          "mailbox", "A rule routes to a team mailbox, the support queue (supportQueue) or both.");
    }
    boolean fallback = Boolean.TRUE.equals(body.fallback());
    if (fallback) {
      // Before the rule changes: the site has one fallback, and the database holds it to one.
      em.createQuery(
              "UPDATE RoutingRule r SET r.fallbackSite = NULL"
                  + " WHERE r.fallbackSite = :site AND r.id <> :id")
          .setParameter("site", rule.site())
          .setParameter("id", rule.id().toString())
          .executeUpdate();
    }
    rule.describe(
        body.topic(),
        body.label(),
        body.mailbox(),
        queue,
        fallback,
        body.position() == null ? 0 : body.position(),
        Instant.now());
  }

  /** Writes the change now, so that a unique key another request took meanwhile answers 409. */
  private void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueKeys.isViolation(e)) {
        throw ProblemException.conflict(
            "routing-rules-changed",
            "Another change to this site's routing rules was saved at the same moment; read them"
                + " again and retry.");
      }
      throw e;
    }
  }

  private Optional<RoutingRule> byTopic(String site, String topic) {
    return em.createQuery(
            "SELECT r FROM RoutingRule r WHERE r.site = :site AND r.topic = :topic",
            RoutingRule.class)
        .setParameter("site", site)
        .setParameter("topic", topic)
        .getResultStream()
        .findFirst();
  }

  private static ProblemException topicTaken(String topic) {
    return ProblemException.conflict(
        "topic-taken", "This site already has a routing rule for the topic " + topic + ".");
  }
}
