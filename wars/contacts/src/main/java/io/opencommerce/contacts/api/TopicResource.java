package io.opencommerce.contacts.api;

import io.opencommerce.contacts.application.RoutingRules;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The topics a site's contact form offers: those of its routing rules, in the order to show them,
 * with their labels (never where they are routed). Cached a minute, per site.
 */
@Path("topics")
@RequestScoped
@PermitAll
public class TopicResource {
  @Inject RoutingRules rules;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(60);
    return Response.ok(rules.offered().stream().map(Views::topic).toList())
        .cacheControl(cache)
        .build();
  }
}
