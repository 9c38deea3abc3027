package io.opencommerce.contacts.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids of inquiries: version 7 UUIDs (RFC 9562), the millisecond of arrival followed by 74 random
 * bits. Their text sorts in the order inquiries arrived, so a list ordered by arrival and then id
 * stays in arrival order even where the database keeps times only to the second.
 */
public final class InquiryIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private InquiryIds() {}

  /** A new id for an inquiry that arrived {@code at}. */
  public static UUID next(Instant at) {
    long millis = at.toEpochMilli();
    if (millis < 0 || millis >= 1L << 48) {
      throw new IllegalArgumentException("not a time a version 7 UUID can hold: " + at);
    }
    long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
