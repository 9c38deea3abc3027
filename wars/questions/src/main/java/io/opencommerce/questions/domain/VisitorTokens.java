package io.opencommerce.questions.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anonymous visitors' tokens: {@code <visitor id>.<signature>}, the id 128 random bits and the
 * signature the HMAC-SHA256 of the id under a server secret, both base64url without padding. The
 * service keeps no list of visitors: a token it signed is a visitor, and nobody without the secret
 * can make one for an id of their choosing or change one (a vote then belongs to someone else).
 * Verification compares in constant time.
 */
public final class VisitorTokens {
  /** The shortest secret accepted: 16 bytes. */
  public static final int MIN_SECRET_BYTES = 16;

  /** The length of a token: 22 characters of id, a dot, 43 of signature. */
  public static final int LENGTH = 66;

  private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] secret;

  /**
   * @throws IllegalArgumentException for a secret shorter than {@value #MIN_SECRET_BYTES} bytes
   */
  public VisitorTokens(String secret) {
    Objects.requireNonNull(secret, "secret is required");
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the visitor secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.secret = bytes;
  }

  /** A token for a new visitor. */
  public String issue() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return sign(BASE64URL.encodeToString(id));
  }

  /** The token of visitor {@code id} (22 base64url characters). */
  String sign(String id) {
    return id + "." + BASE64URL.encodeToString(mac(id));
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
    // Compared as the text the token carries: a base64 decoder would take two spellings of one
    // signature (the last character's unused bits).
    byte[] expected = BASE64URL.encode(mac(id));
    if (!MessageDigest.isEqual(expected, parts.group(2).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  private byte[] mac(String id) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac.doFinal(("visitor\n" + id).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }
}
