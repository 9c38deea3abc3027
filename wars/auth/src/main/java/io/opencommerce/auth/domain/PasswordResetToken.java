package io.opencommerce.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time password reset token, stored as its SHA-256 hash, valid for a short while. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "user_id", nullable = false, length = 36)
  private String userId;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected PasswordResetToken() {}

  public PasswordResetToken(UUID userId, String tokenHash, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId.toString();
    this.tokenHash = tokenHash;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** Spends the token; false if it was spent before or has expired. */
  public boolean use(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt)) {
      return false;
    }
    usedAt = now;
    return true;
  }

  public UUID userId() {
    return UUID.fromString(userId);
  }
}
