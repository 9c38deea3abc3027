package io.opencommerce.sav.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * Which agent a new or queued ticket goes to: among the available agents, the one with the fewest
 * tickets being worked on; between equals, the one assigned a ticket least recently (never before
 * comes first); then by id, so that every replica makes the same choice from the same data.
 */
public final class AgentChoice {
  private AgentChoice() {}

  /** An available agent and their load. */
  public record Candidate(UUID agentId, long load, Instant lastAssignedAt) {}

  private static final Comparator<Candidate> ORDER =
      Comparator.comparingLong(Candidate::load)
          .thenComparing(
              Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Candidate::agentId);

  /** The agent to assign; empty when nobody is available (the ticket stays in the queue). */
  public static Optional<UUID> choose(Collection<Candidate> available) {
    return available.stream().min(ORDER).map(Candidate::agentId);
  }
}
