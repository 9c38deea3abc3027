package io.opencommerce.orders.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Order ids and numbers. Both follow from the customer and the checkout's {@code Idempotency-Key},
 * so two concurrent attempts at the same checkout name the same order and the database keeps one.
 * The number is what people read out on the phone: {@code OC-} and ten characters of Crockford's
 * base 32 (no I, L, O or U), taken from the id.
 */
public final class OrderNumbers {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final int LENGTH = 10;

  private OrderNumbers() {}

  public static UUID idFor(UUID customer, String idempotencyKey) {
    return UUID.nameUUIDFromBytes(
        ("order:" + customer + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
  }

  public static String numberOf(UUID orderId) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(orderId.getMostSignificantBits()).putLong(orderId.getLeastSignificantBits());
    // 50 bits of the id's hash, clear of its version and variant bits.
    long bits = bytes.getLong(8) & ((1L << 50) - 1);
    char[] number = new char[LENGTH];
    for (int i = LENGTH - 1; i >= 0; i--) {
      number[i] = ALPHABET[(int) (bits & 31)];
      bits >>>= 5;
    }
    return "OC-" + new String(number);
  }
}
