package io.opencommerce.questions.domain;

import io.opencommerce.kit.security.HmacKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anonymous visitors' tokens: {@code <visitor id>.<signature>}, the id 128 random bits and the
 * signature the HMAC-SHA256 of the id under a server secret, both base64url without padding. The
 * service keeps no list of visitors: a token it signed is a visitor, and nobody without the secret
 * can make one for an id of their choosing or change one (a vote then belongs to someone else).
 * Verification compares in constant time.
 */
public final class VisitorTokens {
  /** The shortest secret accepted: 16 bytes. */
  public static final int MIN_SECRET_BYTES = HmacKey.MIN_BYTES;

  /** The length of a token: 22 characters of id, a dot, 43 of signature. */
  public static final int LENGTH = 66;

  private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HmacKey key;

  /**
   * @throws IllegalArgumentException for a secret shorter than {@value #MIN_SECRET_BYTES} bytes
   */
  public VisitorTokens(String secret) {
    Objects.requireNonNull(secret, "secret is required");
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the visitor secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = HmacKey.of(secret);
  }

  /** Tokens signed with {@code key} (a configured server secret, {@link HmacKey#configured}). */
  public VisitorTokens(HmacKey key) {
    this.key = Objects.requireNonNull(key, "key is required");
  }

  /** A token for a new visitor. */
  public String issue() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return sign(BASE64URL.encodeToString(id));
  }

  /** The token of visitor {@code id} (22 base64url characters). */
  String sign(String id) {
    return id + "." + key.signBase64Url("visitor\n" + id);
  }

  /**
   * The visitor {@code token} names, if this secret signed it; empty for anything else (a changed
   * id or signature, another secret, another shape).
   */
  public Optional<String> verify(String token) {
    if (token == null || token.length() != LENGTH) {
      return Optional.empty();
    }
    Matcher parts = SHAPE.matcher(token);
    if (!parts.matches()) {
      return Optional.empty();
    }
    String id = parts.group(1);
    // Compared as the text the token carries (one spelling per signature).
    if (!key.verifyBase64Url("visitor\n" + id, parts.group(2))) {
      return Optional.empty();
    }
    return Optional.of(id);
  }
}
