package io.opencommerce.deliveries.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What a carrier posts to {@code /carriers/{carrier}/webhook} when a parcel moves on: the tracking
 * number it gave the shipment, the new status ({@code IN_TRANSIT}, {@code OUT_FOR_DELIVERY}, {@code
 * DELIVERED}, {@code EXCEPTION}), when it happened (now if absent), where, and what happened. The
 * body is signed: {@code X-Carrier-Signature: sha256=<hex HMAC-SHA256 of the body>}, and says when
 * it was sent ({@code sentAt}): a report sent more than a few minutes from now is refused, so that
 * a captured report cannot be replayed later. A carrier cannot cancel a shipment: {@code CANCELLED}
 * is refused like any unknown status.
 */
public record CarrierWebhookRequest(
    @NotBlank(message = "Tracking number is required.")
        @Size(max = 40, message = "Tracking number must be at most 40 characters.")
        String trackingNumber,
    @NotNull(message = "Status is required.")
        @Pattern(
            regexp = CarrierWebhookRequest.STATUSES,
            message =
                "Status must be one of CREATED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION.")
        String status,
    Instant occurredAt,
    @Size(max = 200, message = "Location must be at most 200 characters.") String location,
    @Size(max = 500, message = "Description must be at most 500 characters.") String description,
    @NotNull(message = "When the report was sent is required.") Instant sentAt) {

  /**
   * The statuses a carrier may report, as a pattern: those of {@link ShipmentEventRequest#STATUSES}
   * but {@code CANCELLED}, which follows the order's cancellation or an administrator.
   */
  public static final String STATUSES = "CREATED|IN_TRANSIT|OUT_FOR_DELIVERY|DELIVERED|EXCEPTION";
}
