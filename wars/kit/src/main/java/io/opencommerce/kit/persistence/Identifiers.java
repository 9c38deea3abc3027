package io.opencommerce.kit.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * The platform's one way to make record ids and the numbers people read out: time-ordered UUIDs
 * (version 7, RFC 9562), so that rows made in one second still sort by arrival where the database
 * keeps times only to the second, and short numbers ({@code OC-}, {@code SAV-} and ten characters
 * of Crockford's base 32: no I, L, O or U) taken from an id's random bits.
 */
public final class Identifiers {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  /** How many characters a number has after its prefix. */
  public static final int NUMBER_LENGTH = 10;

  /** The pattern of a number's characters after its prefix. */
  public static final String NUMBER_CHARACTERS = "[0-9A-HJKMNP-TV-Z]{" + NUMBER_LENGTH + "}";

  private Identifiers() {}

  /** A new id for something made {@code at}: its millisecond first, then 74 random bits. */
  public static UUID timeOrdered(Instant at) {
    long millis = at.toEpochMilli();
    if (millis < 0 || millis >= 1L << 48) {
      throw new IllegalArgumentException("not a time a version 7 UUID can hold: " + at);
    }
    long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  /**
   * The number of {@code id}: {@code prefix} and 50 of its low bits (clear of the variant bits) in
   * Crockford's base 32. Unique enough to read out, not a key: keep it under a unique index.
   */
  public static String number(String prefix, UUID id) {
    long bits = id.getLeastSignificantBits() & ((1L << 50) - 1);
    char[] number = new char[NUMBER_LENGTH];
    for (int i = NUMBER_LENGTH - 1; i >= 0; i--) {
      number[i] = CROCKFORD[(int) (bits & 31)];
      bits >>>= 5;
    }
    return prefix + new String(number);
  }
}
