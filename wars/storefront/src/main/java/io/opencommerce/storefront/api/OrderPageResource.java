package io.opencommerce.storefront.api;

import io.opencommerce.kit.security.Roles;
import io.opencommerce.storefront.application.OrderPages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * An order with its shipment and the parcel's journey ({@link OrderPages}): a customer's own order,
 * or any for an administrator — the orders service decides, from the caller's token, and another
 * customer's order is a 404 here as it is there. Private: never stored by any cache.
 */
@Path("order-pages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderPageResource {
  @Inject OrderPages pages;

  @GET
  @Path("{orderId}")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public Response get(@PathParam("orderId") UUID orderId) {
    return PageResponses.personal(pages.page(orderId));
  }
}
