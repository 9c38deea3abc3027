package io.opencommerce.sav.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
  private static final Instant OPENED = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void deadlinesCountFromTheOpeningPerPriority() {
    SlaPolicy sla = SlaPolicy.defaults();
    assertThat(sla.deadlines(Priority.URGENT, OPENED))
        .isEqualTo(
            new SlaPolicy.Deadlines(
                OPENED.plus(Duration.ofHours(1)), OPENED.plus(Duration.ofHours(24))));
    assertThat(sla.deadlines(Priority.LOW, OPENED).firstResponseDue())
        .isEqualTo(OPENED.plus(Duration.ofHours(48)));
    assertThat(sla.firstResponse(Priority.HIGH)).isEqualTo(Duration.ofHours(4));
    assertThat(sla.resolution(Priority.NORMAL)).isEqualTo(Duration.ofDays(5));
  }

  @Test
  void configuredDurationsReplaceTheDefaultsOneByOne() {
    Map<String, String> config =
        Map.of("sav.sla.first-response.high", "PT2H", "sav.sla.resolution.low", " P30D ");
    SlaPolicy sla = SlaPolicy.from(key -> Optional.ofNullable(config.get(key)));
    assertThat(sla.firstResponse(Priority.HIGH)).isEqualTo(Duration.ofHours(2));
    assertThat(sla.resolution(Priority.LOW)).isEqualTo(Duration.ofDays(30));
    assertThat(sla.firstResponse(Priority.NORMAL)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void unreadableOrEmptyDurationsStopTheServiceNamingTheKey() {
    assertThatThrownBy(
            () ->
                SlaPolicy.from(
                    key ->
                        key.equals("sav.sla.resolution.urgent")
                            ? Optional.of("tomorrow")
                            : Optional.empty()))
        .hasMessageContaining("sav.sla.resolution.urgent");
    assertThatThrownBy(
            () ->
                SlaPolicy.from(
                    key ->
                        key.equals("sav.sla.first-response.low")
                            ? Optional.of("PT0S")
                            : Optional.empty()))
        .hasMessageContaining("sav.sla.first-response.low");
  }
}
