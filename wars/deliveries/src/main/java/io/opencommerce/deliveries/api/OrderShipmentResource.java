package io.opencommerce.deliveries.api;

import io.opencommerce.deliveries.application.ShipmentBooking;
import io.opencommerce.deliveries.client.ShipmentCancellation;
import io.opencommerce.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What the orders service asks about an order's shipment. Only services call it (a customer or an
 * administrator cancels the order, and the orders service asks here first): a person's token gets
 * 403.
 */
@Path("orders/{orderId}")
@RequestScoped
@RolesAllowed(Roles.SERVICE)
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class OrderShipmentResource {
  @Inject ShipmentBooking booking;

  /**
   * Stops the order's shipment before the order is cancelled: cancelled while its parcel has not
   * left, none opened if it has none yet. 409 {@code parcel-left} when the parcel is on its way.
   */
  @POST
  @Path("shipment-cancellation")
  public ShipmentCancellation cancelShipment(@PathParam("orderId") UUID orderId) {
    return booking
        .stop(orderId)
        .map(s -> new ShipmentCancellation(orderId, s.id(), s.status().name()))
        .orElseGet(() -> new ShipmentCancellation(orderId, null, null));
  }
}
