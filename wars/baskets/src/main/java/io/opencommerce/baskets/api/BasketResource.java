package io.opencommerce.baskets.api;

import io.opencommerce.baskets.application.BasketPricing;
import io.opencommerce.baskets.application.Baskets;
import io.opencommerce.baskets.application.Baskets.Snapshot;
import io.opencommerce.baskets.application.Catalogue;
import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.baskets.client.BasketsApi;
import io.opencommerce.baskets.client.QuantityRequest;
import io.opencommerce.baskets.domain.Basket;
import io.opencommerce.baskets.domain.CatalogueEntry;
import io.opencommerce.baskets.infrastructure.ProductsService;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The caller's basket. A signed-in customer has one basket per site, kept across sessions; a guest
 * opens one ({@code POST /guest-baskets}) and sends its token as {@code X-Basket-Token}; on login,
 * {@code POST /basket/merge} with that token moves the guest's items into the customer's basket.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BasketResource {
  static final String TOKEN = BasketsApi.BASKET_TOKEN;
  private static final String TOKEN_SHAPE = "[A-Za-z0-9_-]{43}";

  @Inject Baskets baskets;
  @Inject BasketPricing pricing;
  @Inject Catalogue catalogue;
  @Inject ProductsService products;
  @Inject CurrentUser caller;

  @POST
  @Path("guest-baskets")
  @PermitAll
  public Response openGuest() {
    String token = baskets.openGuest();
    return Response.status(201)
        .header(TOKEN, token)
        .entity(pricing.price(baskets.ofGuest(token)))
        .build();
  }

  @GET
  @Path("basket")
  @PermitAll
  public BasketView get(
      @HeaderParam(TOKEN) @Pattern(regexp = TOKEN_SHAPE, message = "is not a basket token")
          String token) {
    return pricing.price(caller.isAuthenticated() ? baskets.ofCustomer(caller.id()) : guest(token));
  }

  @PUT
  @Path("basket/items/{productId}")
  @PermitAll
  public BasketView set(
      @PathParam("productId") UUID productId,
      @HeaderParam(TOKEN) @Pattern(regexp = TOKEN_SHAPE, message = "is not a basket token")
          String token,
      @NotNull(message = "A request body is required.") @Valid QuantityRequest request) {
    requireSellable(productId);
    return pricing.price(change(token, basket -> basket.set(productId, request.quantity())));
  }

  /**
   * 404 unless the catalogue sells the product. The read model answers for the products it knows;
   * one it has not fully heard of yet (created or counted a moment ago) is asked of the catalogue
   * once and learnt.
   */
  private void requireSellable(UUID productId) {
    CatalogueEntry known = catalogue.entries(List.of(productId)).get(productId);
    if (known != null && known.known() && known.stockKnown()) {
      if (!known.active()) {
        throw ProblemException.notFound("Product", productId);
      }
      return;
    }
    catalogue.learn(
        products
            .sellable(productId)
            .orElseThrow(() -> ProblemException.notFound("Product", productId)));
  }

  @DELETE
  @Path("basket/items/{productId}")
  @PermitAll
  public BasketView remove(
      @PathParam("productId") UUID productId,
      @HeaderParam(TOKEN) @Pattern(regexp = TOKEN_SHAPE, message = "is not a basket token")
          String token) {
    return pricing.price(change(token, basket -> basket.remove(productId)));
  }

  @DELETE
  @Path("basket/items")
  @PermitAll
  public BasketView clear(
      @HeaderParam(TOKEN) @Pattern(regexp = TOKEN_SHAPE, message = "is not a basket token")
          String token) {
    return pricing.price(change(token, Basket::clear));
  }

  @POST
  @Path("basket/merge")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public BasketView merge(
      @HeaderParam(TOKEN)
          @NotNull(message = "is required")
          @Pattern(regexp = TOKEN_SHAPE, message = "is not a basket token")
          String token) {
    return pricing.price(baskets.merge(caller.id(), token));
  }

  private Snapshot change(String token, Consumer<Basket> change) {
    return caller.isAuthenticated()
        ? baskets.changeCustomer(caller.id(), change)
        : baskets.changeGuest(requireToken(token), change);
  }

  private Snapshot guest(String token) {
    return baskets.ofGuest(requireToken(token));
  }

  private static String requireToken(String token) {
    if (token == null) {
      throw ProblemException.unauthorized(
          "basket-token-required", "Sign in, or send the guest basket's X-Basket-Token.");
    }
    return token;
  }
}
