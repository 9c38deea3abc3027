package io.opencommerce.deliveries.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.deliveries.client.CarrierWebhookRequest;
import io.opencommerce.deliveries.client.ShipmentEventRequest;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import org.junit.jupiter.api.Test;

class StatusPatternsTest {
  @Test
  void administratorsMayNameEveryStatus() {
    for (ShipmentStatus status : ShipmentStatus.values()) {
      assertThat(status.name()).matches(ShipmentEventRequest.STATUSES);
    }
    assertThat("cancelled").doesNotMatch(ShipmentEventRequest.STATUSES);
  }

  @Test
  void carriersMayNameEveryStatusButCancelled() {
    for (ShipmentStatus status : ShipmentStatus.values()) {
      if (status == ShipmentStatus.CANCELLED) {
        assertThat(status.name()).doesNotMatch(CarrierWebhookRequest.STATUSES);
      } else {
        assertThat(status.name()).matches(CarrierWebhookRequest.STATUSES);
      }
    }
  }
}
