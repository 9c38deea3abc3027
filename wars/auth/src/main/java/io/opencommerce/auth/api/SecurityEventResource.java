package io.opencommerce.auth.api;

import io.opencommerce.auth.application.SecurityAudit;
import io.opencommerce.auth.client.SecurityEventView;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The security audit trail, for administrators. */
@Path("security-events")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventResource {
  @Inject SecurityAudit audit;

  @GET
  public Page<SecurityEventView> list(
      @QueryParam("userId") UUID userId,
      @QueryParam("type") String type,
      @BeanParam @Valid PageRequest page) {
    SecurityEventType eventType = parse(type);
    return page.page(
        audit.page(userId, eventType, page.limit(), page.offset()).stream()
            .map(Views::event)
            .toList(),
        audit.count(userId, eventType));
  }

  private static SecurityEventType parse(String type) {
    if (type == null) {
      return null;
    }
    try {
      return SecurityEventType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidQuery(
          "type", "must be one of " + Arrays.toString(SecurityEventType.values()));
    }
  }
}
