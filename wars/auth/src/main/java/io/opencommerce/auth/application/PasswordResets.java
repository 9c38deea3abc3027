package io.opencommerce.auth.application;

import io.opencommerce.auth.domain.PasswordResetToken;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.auth.domain.User;
import io.opencommerce.auth.infrastructure.PasswordHasher;
import io.opencommerce.contracts.auth.PasswordResetRequested;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Forgotten passwords: a one-time token leaves through {@link PasswordResetRequested} (the
 * newsletters service e-mails it); confirming it sets a new password and ends every session.
 */
@ApplicationScoped
@Transactional
public class PasswordResets {
  @PersistenceContext EntityManager em;
  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject AuthSettings settings;
  @Inject Accounts accounts;
  @Inject SecurityAudit audit;
  @Inject Event<PasswordResetRequested> requested;

  /**
   * Sends a reset token to the account's owner (through {@code PasswordResetRequested}); a new
   * token voids the older ones. Does nothing visible for an unknown e-mail, nor past {@code
   * auth.password-reset.max-per-hour} requests for one account: the caller cannot probe for
   * accounts, nor flood an owner's mailbox.
   */
  public void request(String email) {
    users
        .byEmail(email)
        .ifPresent(
            user -> {
              Instant now = Instant.now();
              users.lock(user); // one request of an account at a time: the count below holds
              long lastHour =
                  em.createQuery(
                          "SELECT COUNT(t) FROM PasswordResetToken t WHERE t.userId = :user"
                              + " AND t.createdAt > :since",
                          Long.class)
                      .setParameter("user", user.id().toString())
                      .setParameter("since", now.minus(Duration.ofHours(1)))
                      .getSingleResult();
              if (lastHour >= settings.passwordResetsPerHour()) {
                audit.record(
                    SecurityEventType.PASSWORD_RESET_REQUESTED,
                    user.id(),
                    user.email(),
                    null,
                    "throttled: " + lastHour + " in the last hour");
                return;
              }
              voidOutstanding(user.id(), now);
              Instant expires = now.plus(settings.passwordResetTtl());
              String token = SecureTokens.newToken();
              em.persist(new PasswordResetToken(user.id(), SecureTokens.hash(token), now, expires));
              requested.fire(
                  new PasswordResetRequested(
                      user.id(), user.email(), user.displayName(), token, expires));
              audit.record(
                  SecurityEventType.PASSWORD_RESET_REQUESTED, user.id(), user.email(), null, null);
            });
  }

  public void confirm(String token, String newPassword) {
    PasswordResetToken reset =
        em.createQuery(
                "SELECT t FROM PasswordResetToken t WHERE t.tokenHash = :hash",
                PasswordResetToken.class)
            .setParameter("hash", SecureTokens.hash(token))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(ResetTokens::invalid);
    User user = users.getForUpdate(reset.userId());
    accounts.requireAcceptablePassword("newPassword", newPassword, user.email());
    if (!reset.use(Instant.now())) {
      throw ResetTokens.invalid();
    }
    user.changePassword(hasher.hash(newPassword));
    user.loginAttempts().recordSuccess();
    voidOutstanding(user.id(), Instant.now());
    accounts.endAllSessions(user);
    audit.record(SecurityEventType.PASSWORD_RESET, user.id(), user.email(), null, null);
  }

  /** Ends every reset token of the account not used yet (a newer one, or a new password). */
  void voidOutstanding(UUID userId, Instant now) {
    em.createQuery(
            "UPDATE PasswordResetToken t SET t.usedAt = :now"
                + " WHERE t.userId = :user AND t.usedAt IS NULL")
        .setParameter("now", now)
        .setParameter("user", userId.toString())
        .executeUpdate();
  }

  private static final class ResetTokens {
    static ProblemException invalid() {
      return ProblemException.invalidBody(
          "token", "The reset token is not valid, already used, or expired.");
    }
  }
}
