package io.opencommerce.baskets.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The baskets' REST API as a typed MicroProfile REST Client (config key {@code baskets}). A
 * signed-in customer's calls carry their bearer token; a guest's carry the basket token instead
 * ({@code null} where it does not apply).
 */
@RegisterRestClient(configKey = "baskets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BasketsApi {
  String BASKET_TOKEN = "X-Basket-Token";

  @GET
  @Path("basket")
  BasketView basket(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(BASKET_TOKEN) String basketToken);

  @PUT
  @Path("basket/items/{productId}")
  BasketView set(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(BASKET_TOKEN) String basketToken,
      @PathParam("productId") UUID productId,
      QuantityRequest request);

  @DELETE
  @Path("basket/items/{productId}")
  BasketView remove(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(BASKET_TOKEN) String basketToken,
      @PathParam("productId") UUID productId);

  @DELETE
  @Path("basket/items")
  BasketView clear(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(BASKET_TOKEN) String basketToken);

  @POST
  @Path("basket/merge")
  BasketView merge(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(BASKET_TOKEN) String basketToken);
}
