package io.opencommerce.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InquiryIdsTest {
  @Test
  void idsAreVersion7UuidsHoldingTheirMillisecond() {
    Instant at = Instant.parse("2026-03-02T09:00:00.123Z");
    UUID id = InquiryIds.next(at);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
  }

  @Test
  void theirTextSortsInTheOrderOfArrival() {
    Instant start = Instant.parse("2026-03-02T09:00:00Z");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(InquiryIds.next(start.plusMillis(i * 7L)).toString());
    }
    assertThat(ids).isSorted();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
  }

  @Test
  void idsOfOneMillisecondDiffer() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    assertThat(InquiryIds.next(at)).isNotEqualTo(InquiryIds.next(at));
  }

  @Test
  void refusesTimesOutsideTheFormat() {
    assertThatThrownBy(() -> InquiryIds.next(Instant.EPOCH.minusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
