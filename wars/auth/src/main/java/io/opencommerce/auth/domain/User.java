package io.opencommerce.auth.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An account: who the person is (e-mail, display name), how they prove it (password hash), what
 * they may do (roles), and the token version that revokes all of their tokens when it rises.
 */
@Entity
@Table(name = "users")
public class User {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "token_version", nullable = false)
  private long tokenVersion = 1;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  private Set<String> roles = new TreeSet<>();

  @Embedded private LoginAttempts loginAttempts = new LoginAttempts();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected User() {}

  public User(String email, String displayName, String passwordHash, Set<String> roles) {
    this.id = UUID.randomUUID().toString();
    this.email = normalizeEmail(email);
    this.displayName = Objects.requireNonNull(displayName, "display name is required").strip();
    this.passwordHash = Objects.requireNonNull(passwordHash, "password hash is required");
    this.roles = new TreeSet<>(roles);
    this.createdAt = Instant.now();
  }

  /** E-mail addresses are compared trimmed and in lower case. */
  public static String normalizeEmail(String email) {
    return Objects.requireNonNull(email, "e-mail is required").strip().toLowerCase(Locale.ROOT);
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public long tokenVersion() {
    return tokenVersion;
  }

  public Set<String> roles() {
    return Set.copyOf(roles);
  }

  public LoginAttempts loginAttempts() {
    if (loginAttempts == null) {
      loginAttempts = new LoginAttempts();
    }
    return loginAttempts;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** A new password; every token issued before it stops working. */
  public void changePassword(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.tokenVersion++;
  }

  /** Re-hashes with current parameters without ending any session. */
  public void upgradeHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
  }

  /** Returns false if the user already had the role. Raises the token version otherwise. */
  public boolean grant(String role) {
    boolean changed = roles.add(role);
    if (changed) {
      tokenVersion++;
    }
    return changed;
  }

  /** Returns false if the user did not have the role. Raises the token version otherwise. */
  public boolean revoke(String role) {
    boolean changed = roles.remove(role);
    if (changed) {
      tokenVersion++;
    }
    return changed;
  }
}
