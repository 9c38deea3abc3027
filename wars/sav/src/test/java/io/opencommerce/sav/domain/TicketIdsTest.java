package io.opencommerce.sav.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketIdsTest {
  @Test
  void idsAreTimeOrderedVersion7UuidsAndNumbersReadable() {
    Instant at = Instant.parse("2026-12-01T09:00:00Z");
    UUID first = TicketIds.next(at);
    UUID later = TicketIds.next(at.plusMillis(1));
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.toString()).isLessThan(later.toString());
    assertThat(TicketIds.numberOf(first)).matches(TicketIds.NUMBER);
    assertThat(TicketIds.numberOf(first)).isEqualTo(TicketIds.numberOf(first));
    assertThat(TicketIds.numberOf(first)).doesNotContain("I", "L", "O", "U");
  }

  @Test
  void numbersOfManyTicketsOpenedAtOnceDiffer() {
    Instant at = Instant.now();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      numbers.add(TicketIds.numberOf(TicketIds.next(at)));
    }
    assertThat(numbers).hasSize(10_000);
  }
}
