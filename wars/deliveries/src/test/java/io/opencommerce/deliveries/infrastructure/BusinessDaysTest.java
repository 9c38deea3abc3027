package io.opencommerce.deliveries.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {
  private static final LocalDate MONDAY = LocalDate.parse("2026-01-05");

  @Test
  void skipsWeekends() {
    assertThat(BusinessDays.add(MONDAY, 0)).isEqualTo(MONDAY);
    assertThat(BusinessDays.add(MONDAY, 4)).isEqualTo("2026-01-09");
    assertThat(BusinessDays.add(MONDAY, 5)).isEqualTo("2026-01-12");
    assertThat(BusinessDays.add(MONDAY, 10)).isEqualTo("2026-01-19");
    assertThat(BusinessDays.add(LocalDate.parse("2026-01-09"), 1)).isEqualTo("2026-01-12");
    assertThat(BusinessDays.add(LocalDate.parse("2026-01-10"), 1)).isEqualTo("2026-01-12");
  }

  @Test
  void refusesNegativeCounts() {
    assertThatThrownBy(() -> BusinessDays.add(MONDAY, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
