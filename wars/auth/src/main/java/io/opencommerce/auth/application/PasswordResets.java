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
import java.time.Instant;

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

  /** Does nothing visible for an unknown e-mail: the caller cannot probe for accounts. */
  public void request(String email) {
    users
        .byEmail(email)
        .ifPresent(
            user -> {
              Instant now = Instant.now();
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
    accounts.endAllSessions(user);
    audit.record(SecurityEventType.PASSWORD_RESET, user.id(), user.email(), null, null);
  }

  private static final class ResetTokens {
    static ProblemException invalid() {
      return ProblemException.invalidBody(
          "token", "The reset token is not valid, already used, or expired.");
    }
  }
}
