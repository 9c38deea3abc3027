package io.opencommerce.sav.application;

import io.opencommerce.contracts.auth.UserRolesChanged;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.sav.domain.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The support agents: a read model of the auth service's {@code agent} role, kept from {@link
 * UserRolesChanged} (the whole role set after each change; an event older than the state held is
 * ignored), never asked of auth per ticket. Agents say whether they take new tickets;
 * administrators list them with their load.
 */
@ApplicationScoped
@Transactional
public class Agents {
  private static final Logger LOG = Logger.getLogger(Agents.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Assignments assignments;

  /** An agent and the number of tickets they are working on. */
  public record Load(Agent agent, long openTickets) {}

  /**
   * Applies a role change. An account that becomes an agent is available at once; one that stops
   * being one takes no more tickets, and the tickets it was working on go back to the queue. One
   * consumer reads the queue in order; the version check makes a late, older event harmless too.
   */
  void rolesChanged(@Observes @Received UserRolesChanged change) {
    Instant now = Instant.now();
    Agent agent = em.find(Agent.class, change.userId().toString(), LockModeType.PESSIMISTIC_WRITE);
    if (agent == null) {
      if (change.roles() == null || !change.roles().contains(Agent.ROLE)) {
        return; // not an agent, and never was one here: nothing to keep
      }
      em.persist(Agent.from(change, now));
      LOG.info(() -> "Account " + change.userId() + " is a support agent");
      return;
    }
    switch (agent.apply(change, now)) {
      case STALE -> LOG.fine(() -> "Ignored an older role change of " + change.userId());
      case GRANTED -> LOG.info(() -> "Account " + change.userId() + " is a support agent again");
      case REVOKED -> {
        int queued = assignments.agentGone(agent.userId());
        LOG.info(
            () ->
                "Account "
                    + change.userId()
                    + " is no longer a support agent; "
                    + queued
                    + " ticket(s) back in the queue");
      }
      case UNCHANGED -> {}
    }
  }

  /**
   * The calling agent takes new tickets or stops. 409 {@code agent-unknown} while this service has
   * not yet heard that the account is an agent (the role change is on its way).
   */
  public Load availability(UUID caller, boolean available) {
    Agent agent = em.find(Agent.class, caller.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (agent == null || !agent.active()) {
      throw ProblemException.conflict(
          "agent-unknown",
          "The support service does not know this account as an agent yet; try again shortly.");
    }
    agent.available(available, Instant.now());
    em.flush();
    return new Load(agent, loadOf(agent));
  }

  /** Active agents, by e-mail, with their load; {@code available} narrows the list when given. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Load> page(Boolean available, int limit, int offset) {
    List<Agent> agents =
        query("SELECT a FROM Agent a", " ORDER BY a.email, a.userId", available, Agent.class)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    Map<String, Long> loads =
        assignments.loads(agents.stream().map(a -> a.userId().toString()).toList());
    return agents.stream()
        .map(a -> new Load(a, loads.getOrDefault(a.userId().toString(), 0L)))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Boolean available) {
    return query("SELECT COUNT(a) FROM Agent a", "", available, Long.class).getSingleResult();
  }

  /** The agent's name as a customer reads it in a reply; null when the account is unknown here. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String nameOf(UUID userId) {
    Agent agent = em.find(Agent.class, userId.toString());
    if (agent == null) {
      return null;
    }
    return agent.displayName() == null || agent.displayName().isBlank()
        ? agent.email()
        : agent.displayName();
  }

  private long loadOf(Agent agent) {
    return assignments
        .loads(List.of(agent.userId().toString()))
        .getOrDefault(agent.userId().toString(), 0L);
  }

  private <T> TypedQuery<T> query(String select, String order, Boolean available, Class<T> type) {
    String where = " WHERE a.active = true" + (available == null ? "" : " AND a.available = :av");
    TypedQuery<T> query = em.createQuery(select + where + order, type);
    if (available != null) {
      query.setParameter("av", available);
    }
    return query;
  }
}
