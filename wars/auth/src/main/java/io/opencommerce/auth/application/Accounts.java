package io.opencommerce.auth.application;

import io.opencommerce.auth.domain.LoginAttempts;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.auth.domain.User;
import io.opencommerce.auth.infrastructure.PasswordHasher;
import io.opencommerce.contracts.auth.UserRegistered;
import io.opencommerce.contracts.auth.UserRolesChanged;
import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Accounts: registration, password changes, roles. Every change of an account's roles is published
 * as {@link UserRolesChanged} with the whole set afterwards, in the transaction that makes it.
 */
@ApplicationScoped
@Transactional
public class Accounts {
  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject AuthSettings settings;
  @Inject SecurityAudit audit;
  @Inject Sessions sessions;
  @Inject PasswordResets resets;
  @Inject Logins logins;
  @Inject Revocations revocations;
  @Inject Event<UserRegistered> registered;
  @Inject Event<UserRolesChanged> rolesChanged;

  /** Creates a customer account and publishes {@link UserRegistered}. */
  public User register(String email, String password, String displayName) {
    return create(email, password, displayName, Set.of(Roles.CUSTOMER), null);
  }

  User create(String email, String password, String displayName, Set<String> roles, UUID actor) {
    String normalized = User.normalizeEmail(email);
    requireAcceptablePassword("password", password, normalized);
    if (users.byEmail(normalized).isPresent()) {
      throw ProblemException.conflict(
          "email-taken", "An account with this e-mail address already exists.");
    }
    User user = new User(normalized, displayName, hasher.hash(password), roles);
    try {
      users.add(user);
    } catch (PersistenceException e) {
      if (!UniqueKeys.isViolation(e)) {
        throw e;
      }
      // Two registrations raced for the same address; the unique key kept one.
      throw ProblemException.conflict(
          "email-taken", "An account with this e-mail address already exists.");
    }
    registered.fire(new UserRegistered(user.id(), user.email(), user.displayName()));
    if (!user.roles().equals(Set.of(Roles.CUSTOMER))) {
      // An account born with other roles (the bootstrap administrator) is staff from the start:
      // the services that keep their staff from role changes hear of it as of one.
      publishRoles(user);
    }
    audit.record(SecurityEventType.USER_REGISTERED, user.id(), user.email(), actor, null);
    return user;
  }

  /**
   * Changes the caller's password and ends every session of theirs. A wrong current password counts
   * as a failed login (a stolen session must not be a way to guess the password), and is kept when
   * the request is refused; a locked account is refused with 429 like a login.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public void changePassword(UUID userId, String currentPassword, String newPassword) {
    User user = users.getForUpdate(userId);
    Instant now = Instant.now();
    LoginAttempts attempts = user.loginAttempts();
    if (attempts.isLocked(now)) {
      throw Logins.locked(attempts.remainingLock(now));
    }
    if (!hasher.matches(currentPassword, user.passwordHash())) {
      if (logins.countFailure(user, now, user.id(), "wrong current password")) {
        throw Logins.locked(attempts.remainingLock(now));
      }
      throw ProblemException.invalidBody("currentPassword", "Current password is wrong.");
    }
    requireAcceptablePassword("newPassword", newPassword, user.email());
    user.changePassword(hasher.hash(newPassword));
    resets.voidOutstanding(user.id(), now);
    endAllSessions(user);
    audit.record(SecurityEventType.PASSWORD_CHANGED, user.id(), user.email(), user.id(), null);
  }

  /** Refuses a password the policy does not accept, naming the request field it came in. */
  void requireAcceptablePassword(String field, String password, String email) {
    settings
        .passwordPolicy()
        .violation(password, email)
        .ifPresent(
            why -> {
              throw ProblemException.invalidBody(field, why);
            });
  }

  /** Revokes every access token (by version) and every refresh token of the user. */
  void endAllSessions(User user) {
    revocations.revokeBelowVersion(user.id(), user.tokenVersion());
    sessions.revokeAll(user.id());
  }

  public User grantRole(UUID userId, String role, UUID actor) {
    requireKnownRole(role);
    User user = users.getForUpdate(userId);
    if (user.grant(role)) {
      endAllSessions(user);
      publishRoles(user);
      audit.record(SecurityEventType.ROLE_GRANTED, user.id(), user.email(), actor, role);
    }
    return user;
  }

  public User revokeRole(UUID userId, String role, UUID actor) {
    requireKnownRole(role);
    User user = users.getForUpdate(userId);
    if (Roles.ADMIN.equals(role)
        && user.roles().contains(Roles.ADMIN)
        && users.countWithRole(Roles.ADMIN) <= 1) {
      throw ProblemException.conflict(
          "last-admin", "The last administrator cannot lose the admin role.");
    }
    if (user.revoke(role)) {
      endAllSessions(user);
      publishRoles(user);
      audit.record(SecurityEventType.ROLE_REVOKED, user.id(), user.email(), actor, role);
    }
    return user;
  }

  /** The account's whole set of roles now, in the caller's transaction (the outbox). */
  private void publishRoles(User user) {
    rolesChanged.fire(
        new UserRolesChanged(
            user.id(),
            user.email(),
            user.displayName(),
            Collections.unmodifiableSortedSet(new TreeSet<>(user.roles())),
            Instant.now()));
  }

  private static void requireKnownRole(String role) {
    if (!Roles.isKnown(role)) {
      throw ProblemException.invalidBody("role", "Role must be customer, agent or admin.");
    }
  }
}
