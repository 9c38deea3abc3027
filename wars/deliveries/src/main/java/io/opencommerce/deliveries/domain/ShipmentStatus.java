package io.opencommerce.deliveries.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a shipment stands, and where it may go next: {@code CREATED → IN_TRANSIT → OUT_FOR_DELIVERY
 * → DELIVERED}; in transit it may also be delivered directly; an {@code EXCEPTION} (delay, failed
 * attempt, damage) may interrupt transit or delivery and is followed by transit or delivery again;
 * {@code DELIVERED} is final. A shipment whose parcel has not left ({@code CREATED}) may be {@code
 * CANCELLED} (its order was cancelled), which is final too; once the parcel is on its way it can no
 * longer be cancelled. The names are those of {@code ShipmentStatusChanged}'s status constants.
 */
public enum ShipmentStatus {
  CREATED,
  IN_TRANSIT,
  OUT_FOR_DELIVERY,
  DELIVERED,
  EXCEPTION,
  CANCELLED;

  /** The statuses this one may change to (staying is not a change). */
  public Set<ShipmentStatus> next() {
    return switch (this) {
      case CREATED -> EnumSet.of(IN_TRANSIT, CANCELLED);
      case IN_TRANSIT -> EnumSet.of(OUT_FOR_DELIVERY, DELIVERED, EXCEPTION);
      case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, EXCEPTION);
      case EXCEPTION -> EnumSet.of(IN_TRANSIT, OUT_FOR_DELIVERY);
      case DELIVERED, CANCELLED -> EnumSet.noneOf(ShipmentStatus.class);
    };
  }

  public boolean canMoveTo(ShipmentStatus status) {
    return next().contains(status);
  }

  public boolean isFinal() {
    return next().isEmpty();
  }
}
