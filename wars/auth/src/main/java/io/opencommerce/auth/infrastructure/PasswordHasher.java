package io.opencommerce.auth.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing (the OWASP recommendation) from Spring Security Crypto, with its
 * current default parameters. Hashes carry their parameters, so raising them later re-hashes each
 * password at its owner's next login.
 */
@ApplicationScoped
public class PasswordHasher {
  private Argon2PasswordEncoder encoder;
  private String decoy;

  @PostConstruct
  void init() {
    encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    decoy = encoder.encode("decoy password for unknown accounts");
  }

  public String hash(String password) {
    return encoder.encode(password);
  }

  public boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }

  public boolean needsRehash(String hash) {
    return encoder.upgradeEncoding(hash);
  }

  /** Spends the time a real check takes, so unknown e-mails cannot be told apart by timing. */
  public void burnTime(String password) {
    encoder.matches(password, decoy);
  }
}
