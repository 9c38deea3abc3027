package io.opencommerce.auth.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: long enough (NIST SP 800-63B favours length over composition), not
 * absurdly long (hashing cost), not a well-known password, and not the user's own e-mail name.
 */
public final class PasswordPolicy {
  public static final int MAX_LENGTH = 128;
  private static final Set<String> COMMON =
      Set.of(
          "password",
          "password1",
          "password12",
          "password123",
          "password1234",
          "1234567890",
          "12345678901",
          "123456789012",
          "qwertyuiop",
          "qwertyuiop1",
          "iloveyou123",
          "letmein123",
          "welcome123",
          "administrator",
          "changeme123",
          "passw0rd123",
          "abc123456789",
          "1q2w3e4r5t",
          "1qaz2wsx3edc",
          "trustno1234",
          "sunshine123",
          "football123");

  private final int minLength;

  public PasswordPolicy(int minLength) {
    if (minLength < 8 || minLength > MAX_LENGTH) {
      throw new IllegalArgumentException("minimum password length must be 8.." + MAX_LENGTH);
    }
    this.minLength = minLength;
  }

  /** Why {@code password} is not acceptable for the account {@code email}, if it is not. */
  public Optional<String> violation(String password, String email) {
    if (password == null || password.length() < minLength) {
      return Optional.of("Password must be at least " + minLength + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("Password must be at most " + MAX_LENGTH + " characters.");
    }
    if (password.isBlank()) {
      return Optional.of("Password must not be blank.");
    }
    boolean letter = password.chars().anyMatch(Character::isLetter);
    boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
    if (!letter || !other) {
      return Optional.of("Password must mix letters with digits or symbols.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return Optional.of("Password is too common.");
    }
    if (email != null) {
      int at = email.indexOf('@');
      String name = (at > 0 ? email.substring(0, at) : email).toLowerCase(Locale.ROOT);
      if (name.length() >= 4 && lower.contains(name)) {
        return Optional.of("Password must not contain the e-mail name.");
      }
    }
    return Optional.empty();
  }
}
