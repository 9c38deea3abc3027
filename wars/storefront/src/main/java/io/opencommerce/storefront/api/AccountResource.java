package io.opencommerce.storefront.api;

import io.opencommerce.kit.security.Roles;
import io.opencommerce.storefront.application.Accounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The signed-in customer's account overview ({@link Accounts}): profile, default addresses, newest
 * orders and open support tickets, each from its own service with the customer's token. Private:
 * never stored by any cache.
 */
@Path("account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  @Inject Accounts accounts;

  @GET
  @RolesAllowed(Roles.CUSTOMER)
  @SecurityRequirement(name = "jwt")
  public Response get() {
    return PageResponses.personal(accounts.overview());
  }
}
