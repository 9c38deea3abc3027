package io.opencommerce.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's one way to sign with a server secret: HMAC-SHA256 under a key of at least {@value
 * #MIN_BYTES} bytes, and verification in constant time. What is signed, and how a signature travels
 * (hex in a header, base64url in a link or a token), is the caller's; a signature carried as text
 * is compared as that text, so that one signature has one spelling.
 */
public final class HmacKey {
  /** The shortest secret accepted: 128 bits. */
  public static final int MIN_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  private HmacKey(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /**
   * @throws IllegalArgumentException for a secret shorter than {@value #MIN_BYTES} bytes
   */
  public static HmacKey of(byte[] secret) {
    Objects.requireNonNull(secret, "secret is required");
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException("the secret must have at least " + MIN_BYTES + " bytes");
    }
    return new HmacKey(secret.clone());
  }

  /** A key from a secret's UTF-8 bytes (a configured value). */
  public static HmacKey of(String secret) {
    Objects.requireNonNull(secret, "secret is required");
    return of(secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A key from a secret another party chose (a carrier's webhook secret): taken at the length it
   * has, since the platform does not choose it.
   *
   * @throws IllegalArgumentException for an empty secret
   */
  public static HmacKey shared(String secret) {
    Objects.requireNonNull(secret, "secret is required");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the secret must not be empty");
    }
    return new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key configured at {@code property} (MicroProfile Config; {@code purpose} says what it
   * signs, for the message of a server that cannot start without it).
   *
   * @throws IllegalStateException when the property is missing or too short
   */
  public static HmacKey configured(String property, String purpose) {
    String secret =
        ConfigProvider.getConfig()
            .getOptionalValue(property, String.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        property + " is not configured: " + purpose + " cannot be signed"));
    try {
      return of(secret);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + ": " + e.getMessage(), e);
    }
  }

  /** The signature of {@code data}. */
  public byte[] sign(byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(data == null ? new byte[0] : data);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an HMAC-SHA256 key was refused", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }

  /** The signature of {@code text}'s UTF-8 bytes. */
  public byte[] sign(String text) {
    return sign(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The signature of {@code text} as unpadded base64url, for links and tokens. */
  public String signBase64Url(String text) {
    return BASE64URL.encodeToString(sign(text));
  }

  /** Whether {@code signature} signs {@code data}, compared in constant time. */
  public boolean verify(byte[] data, byte[] signature) {
    return signature != null && MessageDigest.isEqual(sign(data), signature);
  }

  /**
   * Whether {@code signature} is the unpadded base64url signature of {@code text}, compared as text
   * in constant time (a decoder would take two spellings of one signature: the last character's
   * unused bits).
   */
  public boolean verifyBase64Url(String text, String signature) {
    return signature != null
        && MessageDigest.isEqual(
            signBase64Url(text).getBytes(StandardCharsets.US_ASCII),
            signature.getBytes(StandardCharsets.US_ASCII));
  }
}
