package io.opencommerce.sav.domain;

import io.opencommerce.contracts.auth.UserRolesChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A support agent as this service knows them: the read model of the auth service's {@code agent}
 * role, kept from {@link UserRolesChanged} (never asked for per ticket). An account is an agent
 * while {@link #active()}; an agent takes new tickets while {@link #available()}, which they set
 * themselves. {@code lastAssignedAt} breaks ties between agents with the same load.
 */
@Entity
@Table(name = "agents")
public class Agent {
  /** The role that makes an account an agent. */
  public static final String ROLE = "agent";

  @Id
  @Column(name = "user_id", length = 36)
  private String userId;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "display_name", length = 100)
  private String displayName;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private boolean available;

  @Column(name = "roles_changed_at", nullable = false)
  private Instant rolesChangedAt;

  @Column(name = "last_assigned_at")
  private Instant lastAssignedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Agent() {}

  /** An account first heard of through {@code change}. */
  public static Agent from(UserRolesChanged change, Instant now) {
    Agent agent = new Agent();
    agent.userId = change.userId().toString();
    agent.rolesChangedAt = Instant.MIN;
    agent.apply(change, now);
    return agent;
  }

  /** What applying a role change did to this account's place among the agents. */
  public enum Change {
    /** The event was older than what this model holds: nothing changed. */
    STALE,
    /** The account became an agent (again). */
    GRANTED,
    /** The account is no longer an agent. */
    REVOKED,
    /** Still an agent, or still not one; name and e-mail brought up to date. */
    UNCHANGED
  }

  /**
   * Applies a role change (the account's whole role set after it) unless it is older than the one
   * this model last applied. A new agent is available at once; one whose role is revoked is neither
   * active nor available.
   */
  public Change apply(UserRolesChanged change, Instant now) {
    if (change.changedAt() == null || !change.changedAt().isAfter(rolesChangedAt)) {
      return Change.STALE;
    }
    boolean agent = change.roles() != null && change.roles().contains(ROLE);
    boolean was = active;
    rolesChangedAt = change.changedAt();
    email = change.email() == null ? (email == null ? "" : email) : change.email();
    if (change.displayName() != null) {
      displayName = change.displayName();
    }
    active = agent;
    updatedAt = now;
    if (agent && !was) {
      available = true;
      return Change.GRANTED;
    }
    if (!agent && was) {
      available = false;
      return Change.REVOKED;
    }
    return Change.UNCHANGED;
  }

  /** The agent says whether they take new tickets; only an active agent may say yes. */
  public void available(boolean available, Instant now) {
    this.available = available && active;
    this.updatedAt = now;
  }

  public void assigned(Instant now) {
    lastAssignedAt = now;
  }

  public UUID userId() {
    return UUID.fromString(userId);
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public boolean active() {
    return active;
  }

  public boolean available() {
    return available;
  }

  public Instant rolesChangedAt() {
    return rolesChangedAt;
  }

  public Instant lastAssignedAt() {
    return lastAssignedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
