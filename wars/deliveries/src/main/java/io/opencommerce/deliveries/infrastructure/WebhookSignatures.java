package io.opencommerce.deliveries.infrastructure;

import io.opencommerce.kit.security.HmacKey;
import java.util.HexFormat;

/**
 * Webhook signatures as carriers send them: {@code sha256=<hex HMAC-SHA256 of the raw body>} under
 * a secret shared with the carrier, at the length the carrier chose (the kit's {@link HmacKey}).
 * Verification compares in constant time.
 */
public final class WebhookSignatures {
  private static final String SCHEME = "sha256=";

  private WebhookSignatures() {}

  /** The signature header value for {@code body}. */
  public static String sign(String secret, byte[] body) {
    return SCHEME + HexFormat.of().formatHex(HmacKey.shared(secret).sign(body));
  }

  /**
   * Whether {@code signature} signs {@code body}: false when there is no secret (or one too short),
   * no signature, one of another scheme or one that is not hexadecimal. Hex digits may be in either
   * case.
   */
  public static boolean verify(String secret, byte[] body, String signature) {
    if (secret == null || signature == null) {
      return false;
    }
    String value = signature.strip();
    if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    HmacKey key;
    byte[] given;
    try {
      key = HmacKey.shared(secret);
      given = HexFormat.of().parseHex(value.substring(SCHEME.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return key.verify(body, given);
  }
}
