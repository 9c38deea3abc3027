package io.opencommerce.auth.api;

import io.opencommerce.auth.application.ServiceLogins;
import io.opencommerce.auth.client.ServiceTokenRequest;
import io.opencommerce.auth.client.ServiceTokenResponse;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Service tokens (client-credentials style): a platform service exchanges its own id and secret for
 * a short-lived token with the {@code service} role, for the endpoints only services may call.
 */
@Path("service-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceTokenResource {
  @Inject ServiceLogins tokens;

  @POST
  @PermitAll
  public Response issue(
      @NotNull(message = "A request body is required.") @Valid ServiceTokenRequest request) {
    ServiceTokenResponse token =
        tokens
            .issue(request.serviceId(), request.secret())
            .orElseThrow(
                () ->
                    ProblemException.unauthorized(
                        "invalid-client", "The service id or secret is wrong."));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(token).cacheControl(noStore).build();
  }
}
