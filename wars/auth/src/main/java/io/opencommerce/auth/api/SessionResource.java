package io.opencommerce.auth.api;

import io.opencommerce.auth.application.Logins;
import io.opencommerce.auth.application.Logins.Outcome;
import io.opencommerce.auth.client.LoginRequest;
import io.opencommerce.auth.client.RefreshRequest;
import io.opencommerce.auth.client.TokenResponse;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.security.TokenClaims;
import io.opencommerce.kit.web.Admission;
import io.opencommerce.kit.web.RateLimited;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Sessions: log in, refresh, log out. */
@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject Logins logins;
  @Inject CurrentUser caller;

  /**
   * Rate-limited per address (guessing many accounts' passwords) and per e-mail (one account's
   * password from many addresses), known or not, before anything is hashed; the lockout (five
   * failures) still applies within the limits.
   */
  @RateLimited(
      value = "login",
      perAddress = "20/PT1M",
      perAccount = "10/PT1M",
      account = "body.email")
  @Admission(AuthApplication.PASSWORD_HASHING)
  @POST
  @PermitAll
  public Response login(
      @NotNull(message = "A request body is required.") @Valid LoginRequest request) {
    return answer(logins.login(request.email(), request.password()));
  }

  @POST
  @Path("refresh")
  @PermitAll
  public Response refresh(
      @NotNull(message = "A request body is required.") @Valid RefreshRequest request) {
    return answer(logins.refresh(request.refreshToken()));
  }

  @DELETE
  @Path("current")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public Response logout() {
    var token = caller.token();
    String session = token.getClaim(TokenClaims.SESSION_ID);
    logins.logout(
        caller.id(),
        token.getTokenID(),
        Instant.ofEpochSecond(token.getExpirationTime()),
        session == null ? null : UUID.fromString(session));
    return Response.noContent().build();
  }

  private static Response answer(Outcome outcome) {
    if (outcome instanceof Outcome.Success success) {
      CacheControl noStore = new CacheControl();
      noStore.setNoStore(true);
      TokenResponse tokens = success.tokens();
      return Response.ok(tokens).cacheControl(noStore).build();
    }
    if (outcome instanceof Outcome.Locked locked) {
      throw Logins.locked(locked.retryAfter());
    }
    Outcome.Rejected rejected = (Outcome.Rejected) outcome;
    throw ProblemException.unauthorized(rejected.code(), rejected.detail());
  }
}
