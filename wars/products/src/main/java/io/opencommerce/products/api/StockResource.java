package io.opencommerce.products.api;

import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.products.application.Catalog;
import io.opencommerce.products.application.StockLedger;
import io.opencommerce.products.application.StockLevels;
import io.opencommerce.products.client.StockRequest;
import io.opencommerce.products.client.StockView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A product's stock: anyone sees what can be sold; administrators count what is on hand. */
@Path("products/{id}/stock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {
  @Inject Catalog catalog;
  @Inject StockLedger stock;
  @Inject StockLevels levels;
  @Inject CurrentUser caller;

  @GET
  @PermitAll
  public StockView get(@PathParam("id") UUID id) {
    boolean admin = caller.isAdmin();
    catalog.get(id, admin);
    return view(id, admin);
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public StockView set(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid StockRequest request) {
    return view(id, levels.setOnHand(id, request.onHand()), true);
  }

  private StockView view(UUID id, boolean admin) {
    return view(id, stock.level(id), admin);
  }

  private static StockView view(UUID id, int[] level, boolean admin) {
    int onHand = level == null ? 0 : level[0];
    int reserved = level == null ? 0 : level[1];
    return admin
        ? new StockView(id, onHand - reserved, onHand, reserved)
        : new StockView(id, onHand - reserved, null, null);
  }
}
