package io.opencommerce.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The revocation list every service checks: single tokens (logout) and all tokens of a user below a
 * token version (password or role change). Kept in Redis with a time to live no longer than the
 * tokens it revokes, so it never grows without bound.
 */
@ApplicationScoped
public class TokenRevocations {
  private static final String TOKEN_KEY = "oc:revoked:jti:";
  private static final String USER_KEY = "oc:revoked:user:";

  @Inject RedisClient redis;

  /** Revokes one token until it would have expired anyway. */
  public void revokeToken(String jti, Instant expiresAt) {
    long seconds = Duration.between(Instant.now(), expiresAt).toSeconds() + 1;
    if (jti == null || seconds <= 0) {
      return;
    }
    redis.set(TOKEN_KEY + jti, "1", SetParams.setParams().ex(seconds));
  }

  /**
   * Rejects every token of {@code subject} whose version is below {@code minimumVersion}, for as
   * long as such a token can live.
   */
  public void revokeBelowVersion(String subject, long minimumVersion, Duration tokenLifetime) {
    redis.set(
        USER_KEY + subject,
        Long.toString(minimumVersion),
        SetParams.setParams().ex(tokenLifetime.toSeconds() + 60));
  }

  /** One round trip: is this token revoked by id or by its user's version floor? */
  public boolean isRevoked(String jti, String subject, long tokenVersion) {
    List<String> values = redis.mget(TOKEN_KEY + jti, USER_KEY + subject);
    if (values.get(0) != null) {
      return true;
    }
    String floor = values.get(1);
    return floor != null && tokenVersion < Long.parseLong(floor);
  }
}
