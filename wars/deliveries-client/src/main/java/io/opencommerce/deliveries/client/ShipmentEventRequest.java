package io.opencommerce.deliveries.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A step of a shipment's journey recorded by hand (administrators). {@code occurredAt} defaults to
 * now and may not lie in the future; sending the shipment's current status again changes nothing.
 * {@code CANCELLED} stops a shipment whose parcel has not left ({@code CREATED}) and is final.
 */
public record ShipmentEventRequest(
    @NotNull(message = "Status is required.")
        @Pattern(
            regexp = ShipmentEventRequest.STATUSES,
            message =
                "Status must be one of CREATED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION,"
                    + " CANCELLED.")
        String status,
    Instant occurredAt,
    @Size(max = 200, message = "Location must be at most 200 characters.") String location,
    @Size(max = 500, message = "Description must be at most 500 characters.") String description) {

  /** The statuses a shipment can be in, as a pattern. */
  public static final String STATUSES =
      "CREATED|IN_TRANSIT|OUT_FOR_DELIVERY|DELIVERED|EXCEPTION|CANCELLED";
}
