package io.opencommerce.deliveries.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.deliveries.application.ShipmentProgress;
import io.opencommerce.deliveries.application.ShipmentProgress.Step;
import io.opencommerce.deliveries.application.Shipments;
import io.opencommerce.deliveries.application.Shipments.Filter;
import io.opencommerce.deliveries.client.ShipmentEventRequest;
import io.opencommerce.deliveries.client.ShipmentSummary;
import io.opencommerce.deliveries.client.ShipmentView;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Shipments of the current site. Customers see only their own (another's answers 404);
 * administrators see all of them, filter them, and record steps of a journey by hand.
 */
@Path("shipments")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShipmentResource {
  @Inject Shipments shipments;
  @Inject ShipmentProgress progress;
  @Inject CurrentUser caller;

  /**
   * Newest first. {@code status} and {@code orderId} filter anyone's list; {@code customerId} is
   * for support agents and administrators (a customer may only name themselves).
   */
  @GET
  public Page<ShipmentSummary> list(
      @QueryParam("status")
          @Pattern(
              regexp = ShipmentEventRequest.STATUSES,
              message =
                  "must be one of CREATED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION,"
                      + " CANCELLED")
          String status,
      @QueryParam("orderId") UUID orderId,
      @QueryParam("customerId") UUID customerId,
      @BeanParam @Valid PageRequest page) {
    UUID customer = caller.listedCustomer(customerId, "shipments");
    Filter filter =
        new Filter(customer, status == null ? null : ShipmentStatus.valueOf(status), orderId);
    return page.page(
        shipments.page(filter, page.limit(), page.offset()).stream().map(Views::summary).toList(),
        shipments.count(filter));
  }

  @GET
  @Path("{id}")
  public ShipmentView get(@PathParam("id") UUID id) {
    return Views.shipment(shipments.get(id, caller.id(), caller.seesAllCustomers()));
  }

  /**
   * The shipment of an order, with its journey: for the order's customer, support agents and
   * administrators; 404 for anyone else's order and while the order has no shipment (what a page of
   * the order asks beside the order itself, without waiting for it).
   */
  @GET
  @Path("of-order/{orderId}")
  public ShipmentView ofOrder(@PathParam("orderId") UUID orderId) {
    return Views.shipment(shipments.ofOrder(orderId, caller.id(), caller.seesAllCustomers()));
  }

  /**
   * Records a step of the journey; the shipment's current status again changes nothing. {@code
   * CANCELLED} stops a shipment whose parcel has not left. 409 {@code illegal-transition} when the
   * shipment cannot go there.
   */
  @POST
  @Path("{id}/events")
  @RolesAllowed(Roles.ADMIN)
  public ShipmentView recordEvent(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid ShipmentEventRequest request) {
    return Views.shipment(
        progress.record(
            id,
            new Step(
                ShipmentStatus.valueOf(request.status()),
                request.occurredAt(),
                blankToNull(request.location()),
                blankToNull(request.description()))));
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
