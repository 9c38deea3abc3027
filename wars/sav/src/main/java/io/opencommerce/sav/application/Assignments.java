package io.opencommerce.sav.application;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.sav.domain.Agent;
import io.opencommerce.sav.domain.AgentChoice;
import io.opencommerce.sav.domain.AgentChoice.Candidate;
import io.opencommerce.sav.domain.IllegalTransitionException;
import io.opencommerce.sav.domain.Ticket;
import io.opencommerce.sav.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Who works on which ticket. A new ticket goes to the least-loaded available agent ({@link
 * AgentChoice}) or waits in the queue; queued tickets are offered again to whoever is available by
 * a job the replicas share ({@link #assignQueued}, claiming with {@code SKIP LOCKED}); staff give a
 * ticket to an agent by hand, or an agent takes one. A ticket is never assigned twice by two
 * concurrent requests: its version is checked on write, and the one that loses is refused (409
 * {@code ticket-changed}).
 */
@ApplicationScoped
@Transactional
public class Assignments {
  private static final Logger LOG = Logger.getLogger(Assignments.class.getName());
  static final String AUTOMATIC = "Assigned to the least-loaded available agent";

  @PersistenceContext EntityManager em;
  @Inject OwnedRecords records;
  @Inject TicketEvents events;

  /**
   * Gives a new ticket (persisted in the caller's transaction) to the least-loaded available agent;
   * returns false when nobody is available and the ticket stays in the queue.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean assignNew(Ticket ticket, Instant now) {
    Map<UUID, Candidate> candidates = candidates();
    Optional<UUID> chosen = AgentChoice.choose(candidates.values());
    if (chosen.isEmpty()) {
      return false;
    }
    give(ticket, chosen.get(), null, AUTOMATIC, now);
    return true;
  }

  /**
   * Staff give a ticket to {@code agentId} (an agent naming themselves takes it). With {@code
   * expectedVersion}, a ticket changed since the caller read it is refused (409 {@code
   * ticket-changed}); without, two assignments racing still end with one of them refused. 422
   * {@code unknown-agent} for an account that is not an agent.
   */
  public Ticket assign(UUID ticketId, UUID agentId, Long expectedVersion, UUID actor) {
    Ticket ticket = records.find(em, Ticket.class, ticketId, t -> true);
    if (expectedVersion != null && ticket.version() != expectedVersion) {
      throw changed(ticket);
    }
    Agent agent = em.find(Agent.class, agentId.toString());
    if (agent == null || !agent.active()) {
      throw ProblemException.unprocessable(
          "unknown-agent",
          "Account " + agentId + " is not a support agent.",
          List.of(new FieldViolation("body.agentId", "is not a support agent")));
    }
    Instant now = Instant.now();
    String reason = agentId.equals(actor) ? "Taken by the agent" : "Assigned by staff";
    try {
      give(ticket, agentId, actor, reason, now);
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict(e.code(), e.getMessage());
    }
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw changed(ticket);
    }
    ticket.history(); // loaded for the answer while the persistence context is open
    return ticket;
  }

  private static ProblemException changed(Ticket ticket) {
    return ProblemException.conflict(
        "ticket-changed",
        "Ticket "
            + ticket.number()
            + " changed meanwhile (another assignment came first): read it again.");
  }

  /**
   * Offers up to {@code max} queued tickets, oldest first, to the available agents. Replicas claim
   * different tickets ({@code FOR UPDATE SKIP LOCKED}); nothing is claimed while nobody is
   * available.
   */
  public int assignQueued(int max) {
    Map<UUID, Candidate> candidates = candidates();
    if (candidates.isEmpty()) {
      return 0;
    }
    @SuppressWarnings("unchecked")
    List<String> queued =
        em.createNativeQuery(
                "SELECT id FROM tickets WHERE status = 'OPEN' AND assignee_id IS NULL"
                    + " ORDER BY opened_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, max)
            .getResultList();
    Instant now = Instant.now();
    for (String id : queued) {
      Ticket ticket = em.find(Ticket.class, id);
      UUID agent = AgentChoice.choose(candidates.values()).orElseThrow();
      give(ticket, agent, null, AUTOMATIC, now);
      Candidate was = candidates.get(agent);
      candidates.put(agent, new Candidate(agent, was.load() + 1, now));
    }
    if (!queued.isEmpty()) {
      LOG.info(() -> "Assigned " + queued.size() + " queued ticket(s)");
    }
    return queued.size();
  }

  /**
   * An account is no longer an agent: the tickets they were working on go back to the queue (and to
   * the next available agent with the next run of the queue's job). Resolved tickets keep the agent
   * who resolved them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int agentGone(UUID agentId) {
    List<Ticket> theirs =
        em.createQuery(
                "SELECT t FROM Ticket t WHERE t.assigneeId = :agent AND t.status IN :worked"
                    + " ORDER BY t.id",
                Ticket.class)
            .setParameter("agent", agentId.toString())
            .setParameter("worked", List.copyOf(TicketStatus.WORKED_ON))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    Instant now = Instant.now();
    String reason = "The agent no longer has the agent role";
    for (Ticket ticket : theirs) {
      TicketStatus before = ticket.status();
      if (ticket.unassign(null, reason, now)) {
        events.moved(ticket, before, null, reason, now);
      }
    }
    return theirs.size();
  }

  /** Whether {@code agentId} is an agent now (a resolved ticket reopens with them only then). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isActiveAgent(UUID agentId) {
    if (agentId == null) {
      return false;
    }
    Agent agent = em.find(Agent.class, agentId.toString());
    return agent != null && agent.active();
  }

  private void give(Ticket ticket, UUID agentId, UUID actor, String reason, Instant now) {
    TicketStatus before = ticket.status();
    if (ticket.assign(agentId, actor, reason, now)) {
      Agent agent = em.find(Agent.class, agentId.toString());
      if (agent != null) {
        agent.assigned(now);
      }
      events.moved(ticket, before, actor, reason, now);
    }
  }

  /** The available agents with their load (tickets being worked on). */
  private Map<UUID, Candidate> candidates() {
    List<Agent> available =
        em.createQuery(
                "SELECT a FROM Agent a WHERE a.active = true AND a.available = true", Agent.class)
            .getResultList();
    if (available.isEmpty()) {
      return new HashMap<>();
    }
    Map<String, Long> loads = loads(available.stream().map(a -> a.userId().toString()).toList());
    Map<UUID, Candidate> candidates = new HashMap<>();
    for (Agent agent : available) {
      candidates.put(
          agent.userId(),
          new Candidate(
              agent.userId(),
              loads.getOrDefault(agent.userId().toString(), 0L),
              agent.lastAssignedAt()));
    }
    return candidates;
  }

  /** Tickets being worked on per agent, for the agents named. */
  public Map<String, Long> loads(List<String> agentIds) {
    Map<String, Long> loads = new HashMap<>();
    if (agentIds.isEmpty()) {
      return loads;
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT t.assigneeId, COUNT(t) FROM Ticket t WHERE t.assigneeId IN :agents"
                    + " AND t.status IN :worked GROUP BY t.assigneeId",
                Object[].class)
            .setParameter("agents", new ArrayList<>(agentIds))
            .setParameter("worked", List.copyOf(TicketStatus.WORKED_ON))
            .getResultList();
    for (Object[] row : rows) {
      loads.put((String) row[0], ((Number) row[1]).longValue());
    }
    return loads;
  }
}
