package io.opencommerce.sav.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids and numbers of tickets. An id is a version 7 UUID (RFC 9562): the millisecond of opening
 * followed by 74 random bits, so lists ordered by opening and then id keep their order where the
 * database keeps times only to the second. The number is what a customer reads out on the phone,
 * made the way order numbers are: {@code SAV-} and ten characters of Crockford's base 32 (no I, L,
 * O or U), here from 50 of the id's random bits (unique in the database).
 */
public final class TicketIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final int LENGTH = 10;

  /** What every ticket number looks like. */
  public static final String NUMBER = "SAV-[0-9A-HJKMNP-TV-Z]{10}";

  private TicketIds() {}

  /** A new id for a ticket opened {@code at}. */
  public static UUID next(Instant at) {
    long millis = at.toEpochMilli();
    if (millis < 0 || millis >= 1L << 48) {
      throw new IllegalArgumentException("not a time a version 7 UUID can hold: " + at);
    }
    long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  /** The ticket's number, from the random bits of its id. */
  public static String numberOf(UUID id) {
    long bits = id.getLeastSignificantBits() & ((1L << 50) - 1);
    char[] number = new char[LENGTH];
    for (int i = LENGTH - 1; i >= 0; i--) {
      number[i] = ALPHABET[(int) (bits & 31)];
      bits >>>= 5;
    }
    return "SAV-" + new String(number);
  }
}
