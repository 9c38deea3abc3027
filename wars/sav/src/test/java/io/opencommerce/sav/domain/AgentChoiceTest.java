package io.opencommerce.sav.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.contracts.auth.UserRolesChanged;
import io.opencommerce.sav.domain.AgentChoice.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentChoiceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private final UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private final UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  private final UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");

  @Test
  void theLeastLoadedAgentGetsTheTicket() {
    assertThat(
            AgentChoice.choose(
                List.of(
                    new Candidate(a, 3, T0), new Candidate(b, 1, T0), new Candidate(c, 2, null))))
        .contains(b);
  }

  @Test
  void betweenEqualsTheOneAssignedLeastRecentlyAndNeverBeforeFirst() {
    assertThat(
            AgentChoice.choose(
                List.of(
                    new Candidate(a, 1, T0.plusSeconds(60)),
                    new Candidate(b, 1, T0),
                    new Candidate(c, 2, null))))
        .contains(b);
    assertThat(AgentChoice.choose(List.of(new Candidate(a, 0, T0), new Candidate(b, 0, null))))
        .contains(b);
    assertThat(AgentChoice.choose(List.of(new Candidate(b, 0, T0), new Candidate(a, 0, T0))))
        .as("then by id, the same on every replica")
        .contains(a);
  }

  @Test
  void nobodyAvailableLeavesTheTicketInTheQueue() {
    assertThat(AgentChoice.choose(List.of())).isEmpty();
  }

  @Test
  void theAgentsReadModelFollowsRoleChangesAndIgnoresOlderOnes() {
    UserRolesChanged granted =
        new UserRolesChanged(a, "a@example.com", "Ann", Set.of("customer", "agent"), T0);
    Agent agent = Agent.from(granted, T0);
    assertThat(agent.active()).isTrue();
    assertThat(agent.available()).as("available at once").isTrue();

    UserRolesChanged revoked =
        new UserRolesChanged(a, "a@example.com", "Ann", Set.of("customer"), T0.plusSeconds(10));
    UserRolesChanged olderGrant =
        new UserRolesChanged(a, "a@example.com", "Ann", Set.of("agent"), T0.plusSeconds(5));
    assertThat(agent.apply(revoked, T0)).isEqualTo(Agent.Change.REVOKED);
    assertThat(agent.active()).isFalse();
    assertThat(agent.available()).isFalse();
    assertThat(agent.apply(olderGrant, T0)).isEqualTo(Agent.Change.STALE);
    assertThat(agent.active()).isFalse();
    assertThat(agent.apply(revoked, T0)).as("the same event again").isEqualTo(Agent.Change.STALE);

    agent.available(true, T0);
    assertThat(agent.available()).as("only an agent may be available").isFalse();
    UserRolesChanged again =
        new UserRolesChanged(a, "a@example.com", "Ann B.", Set.of("agent"), T0.plusSeconds(20));
    assertThat(agent.apply(again, T0)).isEqualTo(Agent.Change.GRANTED);
    assertThat(agent.displayName()).isEqualTo("Ann B.");
    agent.available(false, T0);
    assertThat(agent.available()).isFalse();
  }
}
