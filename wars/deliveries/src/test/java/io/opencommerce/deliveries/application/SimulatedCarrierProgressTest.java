package io.opencommerce.deliveries.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.deliveries.infrastructure.SimulatedCarrier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedCarrierProgressTest {
  @Test
  void isOffUnlessADelayIsSet() {
    assertThat(SimulatedCarrierProgress.parse(null)).isZero();
    assertThat(SimulatedCarrierProgress.parse("")).isZero();
    assertThat(SimulatedCarrierProgress.parse("  ")).isZero();
    assertThat(SimulatedCarrierProgress.parse("PT0S")).isZero();
    assertThat(SimulatedCarrierProgress.parse("PT20S")).isEqualTo(Duration.ofSeconds(20));
    assertThat(SimulatedCarrierProgress.parse(" PT1H ")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void refusesWhatIsNotAPositiveDuration() {
    assertThatThrownBy(() -> SimulatedCarrierProgress.parse("20"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deliveries.carriers.simulated.progress-after");
    assertThatThrownBy(() -> SimulatedCarrierProgress.parse("20s"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimulatedCarrierProgress.parse("-PT5S"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void looksForDueParcelsEveryDelayWithinOneToFiveSeconds() {
    assertThat(SimulatedCarrierProgress.pollInterval(Duration.ofSeconds(20)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(SimulatedCarrierProgress.pollInterval(Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(SimulatedCarrierProgress.pollInterval(Duration.ofSeconds(3)))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(SimulatedCarrierProgress.pollInterval(Duration.ofMillis(100)))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void claimsOnlyParcelsTheCarrierMovesOn() {
    SimulatedCarrier carrier = new SimulatedCarrier();
    assertThat(SimulatedCarrierProgress.movingStatuses(carrier))
        .containsExactlyInAnyOrder(
            ShipmentStatus.CREATED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY);
  }
}
