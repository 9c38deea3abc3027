package io.opencommerce.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The failed logins of an e-mail address that has no account, counted and locked exactly like an
 * account's ({@link LoginAttempts}), so that the answers never tell who has an account. Known by
 * the SHA-256 of the normalised address: the address itself is not kept.
 */
@Entity
@Table(name = "unknown_account_logins")
public class UnknownAccountLogins {
  @Id
  @Column(name = "email_hash", length = 64)
  private String emailHash;

  @Embedded private LoginAttempts attempts = new LoginAttempts();

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected UnknownAccountLogins() {}

  public LoginAttempts attempts() {
    return attempts;
  }

  public void touch(Instant now) {
    updatedAt = now;
  }
}
