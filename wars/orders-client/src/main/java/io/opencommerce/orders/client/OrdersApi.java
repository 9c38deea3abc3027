package io.opencommerce.orders.client;

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
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The orders' REST API as a typed MicroProfile REST Client (config key {@code orders}). Calls carry
 * the caller's bearer token: customers see and cancel their own orders, administrators all.
 */
@RegisterRestClient(configKey = "orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersApi {
  String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * Checks the basket out: 201 with the new order, or 200 with the order an earlier request with
   * the same {@code Idempotency-Key} placed.
   */
  @POST
  @Path("orders")
  Response checkout(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      CheckoutRequest request);

  /**
   * A page of orders, newest first: the caller's own, or for administrators everyone's, filtered by
   * {@code status}, {@code customerId} and placement date ({@code from}, {@code to}: ISO dates,
   * both inclusive, UTC).
   */
  @GET
  @Path("orders")
  Page<OrderView> list(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("customerId") UUID customerId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  @GET
  @Path("orders/{id}")
  OrderView get(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Cancels an order that has not shipped; its stock goes back on sale. */
  @POST
  @Path("orders/{id}/cancel")
  OrderView cancel(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      CancelRequest request);

  /** Administrators: moves an order along its status machine by hand. */
  @POST
  @Path("orders/{id}/status")
  OrderView changeStatus(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      StatusChangeRequest request);
}
