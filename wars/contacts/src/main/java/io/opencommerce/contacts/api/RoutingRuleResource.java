package io.opencommerce.contacts.api;

import io.opencommerce.contacts.application.RoutingRules;
import io.opencommerce.contacts.client.RoutingRuleRequest;
import io.opencommerce.contacts.client.RoutingRuleView;
import io.opencommerce.contacts.domain.RoutingRule;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Where each topic of the site's contact form goes: administrators list, add, change and delete the
 * rules. The topics of the rules are the topics the form offers.
 */
@Path("routing-rules")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingRuleResource {
  @Inject RoutingRules rules;
  @Context UriInfo uri;

  /** In the order the form shows the topics: by position, then topic. */
  @GET
  public Page<RoutingRuleView> list(@BeanParam @Valid PageRequest page) {
    return page.page(
        rules.page(page.limit(), page.offset()).stream().map(Views::rule).toList(), rules.count());
  }

  /** 201 with the rule; 409 {@code topic-taken}. */
  @POST
  public Response create(
      @NotNull(message = "A request body is required.") @Valid RoutingRuleRequest body) {
    RoutingRule rule = rules.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(rule.id().toString()).build())
        .entity(Views.rule(rule))
        .build();
  }

  @GET
  @Path("{id}")
  public RoutingRuleView get(@PathParam("id") UUID id) {
    return Views.rule(rules.get(id));
  }

  /** Replaces the rule, its topic included; 409 {@code topic-taken}. */
  @PUT
  @Path("{id}")
  public RoutingRuleView replace(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid RoutingRuleRequest body) {
    return Views.rule(rules.replace(id, body));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") UUID id) {
    rules.delete(id);
    return Response.noContent().build();
  }
}
