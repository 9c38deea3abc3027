package io.opencommerce.deliveries.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as carriers send them: {@code sha256=<hex HMAC-SHA256 of the raw body>} under
 * a secret shared with the carrier. Verification compares in constant time.
 */
public final class WebhookSignatures {
  private static final String SCHEME = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignatures() {}

  /** The signature header value for {@code body}. */
  public static String sign(String secret, byte[] body) {
    return SCHEME + HexFormat.of().formatHex(hmac(secret, body));
  }

  /**
   * Whether {@code signature} signs {@code body}: false when there is no secret, no signature, one
   * of another scheme or one that is not hexadecimal. Hex digits may be in either case.
   */
  public static boolean verify(String secret, byte[] body, String signature) {
    if (secret == null || secret.isEmpty() || signature == null) {
      return false;
    }
    String value = signature.strip();
    if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring(SCHEME.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), given);
  }

  private static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(body == null ? new byte[0] : body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }
}
