package io.opencommerce.auth.application;

import io.opencommerce.auth.client.TokenResponse;
import io.opencommerce.auth.domain.LoginAttempts;
import io.opencommerce.auth.domain.RefreshToken;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.auth.domain.UnknownAccountLogins;
import io.opencommerce.auth.domain.User;
import io.opencommerce.auth.infrastructure.PasswordHasher;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Logging in, refreshing and logging out. Failures are answers, not exceptions: the audit entry and
 * the failure count of a failed login must commit.
 */
@ApplicationScoped
@Transactional
public class Logins {
  @PersistenceContext EntityManager em;
  @Inject Users users;
  @Inject PasswordHasher hasher;
  @Inject Sessions sessions;
  @Inject SecurityAudit audit;
  @Inject AuthSettings settings;
  @Inject Revocations revocations;

  /** The result of a login or refresh: tokens, or why not. */
  public sealed interface Outcome {
    record Success(TokenResponse tokens) implements Outcome {}

    record Rejected(String code, String detail) implements Outcome {}

    record Locked(Duration retryAfter) implements Outcome {}
  }

  private static final Outcome.Rejected BAD_CREDENTIALS =
      new Outcome.Rejected("invalid-credentials", "E-mail or password is wrong.");

  /**
   * Checks the password without holding the account's row lock (the hash check is the slow part),
   * then takes the lock to record the outcome: concurrent attempts on one account queue only for
   * the counter update, and still count exactly.
   */
  public Outcome login(String email, String password) {
    Optional<User> found = users.byEmail(email);
    if (found.isEmpty()) {
      return unknownAccount(User.normalizeEmail(email), password);
    }
    User user = found.get();
    if (user.loginAttempts().isLocked(Instant.now())) {
      return refusedWhileLocked(user);
    }
    String checkedHash = user.passwordHash();
    boolean matches = hasher.matches(password, checkedHash);

    users.lock(user);
    Instant now = Instant.now();
    LoginAttempts attempts = user.loginAttempts();
    if (attempts.isLocked(now)) {
      return refusedWhileLocked(user);
    }
    if (!checkedHash.equals(user.passwordHash())) {
      matches = hasher.matches(password, user.passwordHash()); // changed meanwhile
    }
    if (!matches) {
      return countFailure(user, now, null, "wrong password")
          ? new Outcome.Locked(attempts.remainingLock(now))
          : BAD_CREDENTIALS;
    }
    attempts.recordSuccess();
    if (hasher.needsRehash(user.passwordHash())) {
      user.upgradeHash(hasher.hash(password));
    }
    TokenResponse tokens = sessions.issue(user, UUID.randomUUID());
    audit.record(SecurityEventType.LOGIN_SUCCEEDED, user.id(), user.email(), null, null);
    return new Outcome.Success(tokens);
  }

  /**
   * A login for an address without an account answers as one with a wrong password would: the same
   * time spent hashing, the same count of failures, the same lock (429) after the fifth.
   */
  private Outcome unknownAccount(String email, String password) {
    Instant now = Instant.now();
    String key = SecureTokens.hash(email);
    em.createNativeQuery(
            "INSERT IGNORE INTO unknown_account_logins (email_hash, failed_logins, updated_at)"
                + " VALUES (?, 0, ?)")
        .setParameter(1, key)
        .setParameter(2, Timestamp.from(now))
        .executeUpdate();
    UnknownAccountLogins logins =
        em.find(UnknownAccountLogins.class, key, LockModeType.PESSIMISTIC_WRITE);
    logins.touch(now);
    LoginAttempts attempts = logins.attempts();
    if (attempts.isLocked(now)) {
      audit.record(SecurityEventType.LOGIN_REFUSED_LOCKED, null, email, null, "unknown account");
      return new Outcome.Locked(attempts.remainingLock(now));
    }
    hasher.burnTime(password);
    boolean lockedNow = attempts.recordFailure(now, settings.lockoutPolicy());
    audit.record(SecurityEventType.LOGIN_FAILED, null, email, null, "unknown account");
    return lockedNow ? new Outcome.Locked(attempts.remainingLock(now)) : BAD_CREDENTIALS;
  }

  /**
   * Counts a wrong password against the account, whoever typed it (a login, or a signed-in {@code
   * actor} changing their password), audited; the failure that reaches the limit locks the account,
   * audited too. Returns whether this failure locked it. The caller holds the account's row lock.
   */
  boolean countFailure(User user, Instant now, UUID actor, String why) {
    LoginAttempts attempts = user.loginAttempts();
    boolean lockedNow = attempts.recordFailure(now, settings.lockoutPolicy());
    audit.record(SecurityEventType.LOGIN_FAILED, user.id(), user.email(), actor, why);
    if (lockedNow) {
      audit.record(
          SecurityEventType.ACCOUNT_LOCKED,
          user.id(),
          user.email(),
          actor,
          "locked until " + attempts.lockedUntil());
    }
    return lockedNow;
  }

  /** 429 {@code account-locked}, with how long the lock still holds. */
  public static ProblemException locked(Duration retryAfter) {
    return ProblemException.tooManyRequests(
        "account-locked",
        "Too many failed attempts: the account is locked for a while.",
        retryAfter);
  }

  private Outcome refusedWhileLocked(User user) {
    audit.record(SecurityEventType.LOGIN_REFUSED_LOCKED, user.id(), user.email(), null, null);
    return new Outcome.Locked(user.loginAttempts().remainingLock(Instant.now()));
  }

  /**
   * Spends a refresh token for a new pair; a reused token ends its whole session. While the account
   * is locked the token is refused and left as it was, so that the next refresh after the lock is
   * not mistaken for a stolen token's reuse.
   */
  public Outcome refresh(String refreshToken) {
    Instant now = Instant.now();
    Optional<RefreshToken> found = sessions.byTokenForUpdate(refreshToken);
    if (found.isEmpty()) {
      return new Outcome.Rejected("invalid-refresh-token", "The refresh token is not valid.");
    }
    RefreshToken token = found.get();
    User user = users.get(token.userId());
    if (user.loginAttempts().isLocked(now)) {
      return new Outcome.Locked(user.loginAttempts().remainingLock(now));
    }
    switch (token.use(now)) {
      case ROTATED -> {
        TokenResponse tokens = sessions.issue(user, token.familyId());
        audit.record(SecurityEventType.TOKEN_REFRESHED, user.id(), user.email(), null, null);
        return new Outcome.Success(tokens);
      }
      case REUSED -> {
        sessions.revokeFamily(token.familyId());
        audit.record(
            SecurityEventType.REFRESH_TOKEN_REUSED,
            user.id(),
            user.email(),
            null,
            "session " + token.familyId() + " revoked");
        return new Outcome.Rejected(
            "refresh-token-reused", "The refresh token was already used; the session has ended.");
      }
      case EXPIRED -> {
        return new Outcome.Rejected("refresh-token-expired", "The refresh token has expired.");
      }
      default -> {
        return new Outcome.Rejected("refresh-token-revoked", "The session has ended.");
      }
    }
  }

  /** Ends the session: this access token and every refresh token of its family. */
  public void logout(UUID userId, String tokenId, Instant expiresAt, UUID sessionId) {
    revocations.revokeToken(userId, tokenId, expiresAt);
    if (sessionId != null) {
      sessions.revokeFamily(sessionId);
    }
    User user = users.get(userId);
    audit.record(SecurityEventType.LOGOUT, user.id(), user.email(), user.id(), null);
  }
}
