package io.opencommerce.auth.api;

import io.opencommerce.auth.application.Accounts;
import io.opencommerce.auth.application.Users;
import io.opencommerce.auth.client.ChangePasswordRequest;
import io.opencommerce.auth.client.RegisterRequest;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.auth.domain.User;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.Admission;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.kit.web.RateLimited;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Accounts: registration (anyone), the caller's own profile and password, and user admin. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
  @Inject Accounts accounts;
  @Inject Users users;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  /** Rate-limited per address (mass sign-ups) and per e-mail (probing one address). */
  @RateLimited(
      value = "registration",
      perAddress = "5/PT1M",
      perAccount = "5/PT1H",
      account = "body.email")
  @Admission(AuthApplication.PASSWORD_HASHING)
  @POST
  @PermitAll
  public Response register(
      @NotNull(message = "A request body is required.") @Valid RegisterRequest request) {
    User user = accounts.register(request.email(), request.password(), request.displayName());
    return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build())
        .entity(Views.profile(user))
        .build();
  }

  @GET
  @Path("me")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public UserProfile me() {
    return Views.profile(users.get(caller.id()));
  }

  /**
   * Rate-limited per address and per account (the caller): a stolen token cannot make the server
   * hash without end; wrong current passwords also count towards the lockout.
   */
  @RateLimited(
      value = "password-change",
      perAddress = "20/PT1M",
      perAccount = "10/PT1M",
      account = RateLimited.CALLER)
  @Admission(AuthApplication.PASSWORD_HASHING)
  @PUT
  @Path("me/password")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public Response changePassword(
      @NotNull(message = "A request body is required.") @Valid ChangePasswordRequest request) {
    accounts.changePassword(caller.id(), request.currentPassword(), request.newPassword());
    return Response.noContent().build();
  }

  @GET
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Page<UserProfile> list(
      @QueryParam("email") @Size(max = 254, message = "must be at most 254 characters")
          String email,
      @QueryParam("role")
          @Pattern(regexp = "customer|agent|admin", message = "must be customer, agent or admin")
          String role,
      @BeanParam @Valid PageRequest page) {
    return page.page(
        users.page(email, role, page.limit(), page.offset()).stream().map(Views::profile).toList(),
        users.count(email, role));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public UserProfile get(@PathParam("id") UUID id) {
    caller.requireSelfOrAdmin(id, "User");
    return Views.profile(users.get(id));
  }

  @PUT
  @Path("{id}/roles/{role}")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public UserProfile grant(@PathParam("id") UUID id, @PathParam("role") String role) {
    return Views.profile(accounts.grantRole(id, role, caller.id()));
  }

  @DELETE
  @Path("{id}/roles/{role}")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public UserProfile revoke(@PathParam("id") UUID id, @PathParam("role") String role) {
    return Views.profile(accounts.revokeRole(id, role, caller.id()));
  }
}
