package io.opencommerce.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One refresh token of a session. Tokens rotate: each can be used once, and its use issues the next
 * token of the same family. A second use of a spent token means it was stolen, and the whole family
 * (the session) is revoked. Only the token's SHA-256 hash is stored.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {
  /** What presenting a refresh token leads to. */
  public enum Use {
    ROTATED,
    REUSED,
    EXPIRED,
    REVOKED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "user_id", nullable = false, length = 36)
  private String userId;

  @Column(name = "family_id", nullable = false, length = 36)
  private String familyId;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected RefreshToken() {}

  public RefreshToken(
      UUID userId, UUID familyId, String tokenHash, Instant issuedAt, Duration lifetime) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId.toString();
    this.familyId = familyId.toString();
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.issuedAt = issuedAt;
    this.expiresAt = issuedAt.plus(lifetime);
  }

  /** Spends the token if it can be spent, and says what happened. */
  public Use use(Instant now) {
    if (revokedAt != null) {
      return Use.REVOKED;
    }
    if (usedAt != null) {
      return Use.REUSED;
    }
    if (!now.isBefore(expiresAt)) {
      return Use.EXPIRED;
    }
    usedAt = now;
    return Use.ROTATED;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public UUID userId() {
    return UUID.fromString(userId);
  }

  public UUID familyId() {
    return UUID.fromString(familyId);
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
