package io.opencommerce.sav.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.sav.application.Agents;
import io.opencommerce.sav.client.AgentView;
import io.opencommerce.sav.client.AvailabilityRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The support agents as this service knows them (from the auth service's role changes):
 * administrators list them with their load; agents say whether they take new tickets.
 */
@Path("agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class AgentResource {
  @Inject Agents agents;
  @Inject CurrentUser caller;

  /** Active agents by e-mail, with their load; {@code available} narrows the list. */
  @GET
  @RolesAllowed(Roles.ADMIN)
  public Page<AgentView> list(
      @QueryParam("available") @Pattern(regexp = "true|false", message = "must be true or false")
          String available,
      @BeanParam @Valid PageRequest page) {
    Boolean only = available == null ? null : Boolean.valueOf(available);
    return page.page(
        agents.page(only, page.limit(), page.offset()).stream().map(Views::agent).toList(),
        agents.count(only));
  }

  /**
   * The calling agent takes new tickets ({@code true}: queued ones come to them within seconds) or
   * stops ({@code false}: the tickets they have stay theirs). 409 {@code agent-unknown} until this
   * service has heard of their role.
   */
  @PUT
  @Path("me/availability")
  @RolesAllowed(Roles.AGENT)
  public AgentView availability(
      @NotNull(message = "A request body is required.") @Valid AvailabilityRequest body) {
    return Views.agent(agents.availability(caller.id(), body.available()));
  }
}
