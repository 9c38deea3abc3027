package io.opencommerce.deliveries.domain;

import java.time.LocalDate;
import java.util.Objects;

/** What a carrier gives back for a booked parcel. */
public record Label(String trackingNumber, LocalDate estimatedDelivery) {
  public Label {
    Objects.requireNonNull(trackingNumber, "trackingNumber is required");
    Objects.requireNonNull(estimatedDelivery, "estimatedDelivery is required");
  }
}
