package io.opencommerce.orders.domain;

import io.opencommerce.kit.persistence.Identifiers;
import io.opencommerce.kit.security.HmacKey;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Order ids and numbers. Both follow from the customer and the checkout's {@code Idempotency-Key}
 * under a server secret (HMAC-SHA256), so two concurrent attempts at the same checkout name the
 * same order and the database keeps one, while nobody without the secret can tell an order's id in
 * advance (and, say, tamper with its reservation before it exists). The number is what people read
 * out on the phone: {@code OC-} and ten characters of Crockford's base 32 (no I, L, O or U), taken
 * from the id.
 */
public final class OrderNumbers {
  private OrderNumbers() {}

  /** The order a checkout names: a UUID of version 8 (RFC 9562, custom) from the keyed hash. */
  public static UUID idFor(HmacKey key, UUID customer, String idempotencyKey) {
    byte[] hash = key.sign("order:" + customer + ":" + idempotencyKey);
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  public static String numberOf(UUID orderId) {
    // 50 bits of the id's hash, clear of its version and variant bits.
    return Identifiers.number("OC-", orderId);
  }
}
