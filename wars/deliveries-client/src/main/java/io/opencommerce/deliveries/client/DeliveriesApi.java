package io.opencommerce.deliveries.client;

import io.opencommerce.contracts.api.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The deliveries REST API as a typed MicroProfile REST Client (config key {@code deliveries}).
 * Shipments are created by the platform when an order is placed; customers read their own,
 * administrators all of them; anyone follows a parcel by its tracking number; carriers report
 * progress through a signed webhook.
 */
@RegisterRestClient(configKey = "deliveries")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface DeliveriesApi {
  /** The header carrying a webhook body's signature: {@code sha256=<hex HMAC-SHA256>}. */
  String SIGNATURE = "X-Carrier-Signature";

  /**
   * A carrier's progress report. {@code body} is sent exactly as signed (a {@link
   * CarrierWebhookRequest} in JSON); 401 {@code bad-signature} when the signature is missing or
   * wrong, 404 for an unknown carrier or tracking number, 400 naming the invalid field ({@code
   * body.status} for {@code CANCELLED}, which carriers cannot report), 409 {@code
   * illegal-transition}.
   */
  @POST
  @Path("carriers/{carrier}/webhook")
  TrackingView carrierWebhook(
      @PathParam("carrier") String carrier, @HeaderParam(SIGNATURE) String signature, String body);

  /**
   * Records a step by hand (administrators); 409 {@code illegal-transition}. {@code CANCELLED} is
   * accepted only while the parcel has not left ({@code CREATED}).
   */
  @POST
  @Path("shipments/{id}/events")
  ShipmentView recordEvent(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      ShipmentEventRequest request);

  /**
   * Shipments, newest first: a customer's own; administrators' all, filtered by any of {@code
   * status}, {@code orderId} and {@code customerId}.
   */
  @GET
  @Path("shipments")
  Page<ShipmentSummary> list(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("orderId") UUID orderId,
      @QueryParam("customerId") UUID customerId,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** One shipment in full; another customer's answers 404. */
  @GET
  @Path("shipments/{id}")
  ShipmentView get(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** The shipment of an order, with its journey; another customer's order, or none yet, is 404. */
  @GET
  @Path("shipments/of-order/{orderId}")
  ShipmentView ofOrder(
      @HeaderParam("Authorization") String authorization, @PathParam("orderId") UUID orderId);

  /**
   * Stops the shipment of an order that is being cancelled (the orders service, with its own
   * token): a shipment whose parcel has not left is cancelled, and an order without a shipment yet
   * gets none. Asking again answers the same. 409 {@code parcel-left} when the parcel is already on
   * its way: the order can no longer be cancelled.
   */
  @POST
  @Path("orders/{orderId}/shipment-cancellation")
  ShipmentCancellation cancelShipment(
      @HeaderParam("Authorization") String authorization, @PathParam("orderId") UUID orderId);

  /** A parcel's public tracking; 400 for a malformed tracking number, 404 for an unknown one. */
  @GET
  @Path("tracking/{trackingNumber}")
  TrackingView track(@PathParam("trackingNumber") String trackingNumber);
}
