package io.opencommerce.kit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void idsAreVersion7UuidsHoldingTheirMillisecond() {
    Instant at = Instant.parse("2026-03-02T09:00:00.123Z");
    UUID id = Identifiers.timeOrdered(at);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
  }

  @Test
  void theirTextSortsInTheOrderOfArrival() {
    Instant start = Instant.parse("2026-03-02T09:00:00Z");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(Identifiers.timeOrdered(start.plusMillis(i * 7L)).toString());
    }
    assertThat(ids).isSorted();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
  }

  @Test
  void idsOfOneMillisecondDiffer() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    assertThat(Identifiers.timeOrdered(at)).isNotEqualTo(Identifiers.timeOrdered(at));
  }

  @Test
  void refusesTimesOutsideTheFormat() {
    assertThatThrownBy(() -> Identifiers.timeOrdered(Instant.EPOCH.minusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersAreReadableAndStable() {
    UUID id = Identifiers.timeOrdered(Instant.parse("2026-12-01T09:00:00Z"));
    String number = Identifiers.number("SAV-", id);
    assertThat(number).matches("SAV-" + Identifiers.NUMBER_CHARACTERS);
    assertThat(number).isEqualTo(Identifiers.number("SAV-", id));
    assertThat(number.substring(4)).doesNotContain("I", "L", "O", "U");
  }

  @Test
  void numbersOfManyIdsMadeAtOnceDiffer() {
    Instant at = Instant.now();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      numbers.add(Identifiers.number("X-", Identifiers.timeOrdered(at)));
    }
    assertThat(numbers).hasSize(10_000);
  }
}
