package io.opencommerce.auth.application;

import io.opencommerce.auth.client.TokenResponse;
import io.opencommerce.auth.domain.RefreshToken;
import io.opencommerce.auth.domain.User;
import io.opencommerce.auth.infrastructure.TokenIssuer;
import io.opencommerce.auth.infrastructure.TokenIssuer.AccessToken;
import io.opencommerce.kit.security.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sessions: a family of rotating refresh tokens and the access tokens issued with them. */
@ApplicationScoped
public class Sessions {
  @PersistenceContext EntityManager em;
  @Inject TokenIssuer issuer;
  @Inject AuthSettings settings;

  /** Starts a new session (family) or continues {@code family}, issuing both tokens. */
  public TokenResponse issue(User user, UUID family) {
    String refresh = SecureTokens.newToken();
    Duration refreshTtl = settings.refreshTokenTtl();
    em.persist(
        new RefreshToken(user.id(), family, SecureTokens.hash(refresh), Instant.now(), refreshTtl));
    AccessToken access = issuer.issue(user, family);
    return new TokenResponse(
        access.value(),
        "Bearer",
        settings.accessTokenTtl().toSeconds(),
        refresh,
        refreshTtl.toSeconds());
  }

  public Optional<RefreshToken> byTokenForUpdate(String token) {
    return em.createQuery(
            "SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
        .setParameter("hash", SecureTokens.hash(token))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  public void revokeFamily(UUID family) {
    Instant now = Instant.now();
    em.createQuery("SELECT t FROM RefreshToken t WHERE t.familyId = :family", RefreshToken.class)
        .setParameter("family", family.toString())
        .getResultList()
        .forEach(t -> t.revoke(now));
  }

  public void revokeAll(UUID userId) {
    Instant now = Instant.now();
    em.createQuery(
            "SELECT t FROM RefreshToken t WHERE t.userId = :user AND t.revokedAt IS NULL",
            RefreshToken.class)
        .setParameter("user", userId.toString())
        .getResultList()
        .forEach(t -> t.revoke(now));
  }
}
