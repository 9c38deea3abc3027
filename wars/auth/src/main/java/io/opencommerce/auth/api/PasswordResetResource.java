package io.opencommerce.auth.api;

import io.opencommerce.auth.application.PasswordResets;
import io.opencommerce.auth.client.PasswordResetConfirmation;
import io.opencommerce.auth.client.PasswordResetRequest;
import io.opencommerce.kit.web.Admission;
import io.opencommerce.kit.web.RateLimited;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Forgotten passwords: ask for a reset e-mail, then confirm with its token. */
@Path("password-resets")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetResource {
  @Inject PasswordResets resets;

  /**
   * Always 202: whether the account exists is not revealed. Rate-limited per address (mail flooding
   * across many accounts); one account's mailbox is protected by {@code
   * auth.password-reset.max-per-hour} in {@link PasswordResets}, which answers 202 without sending
   * rather than 429. The e-mail is named as the account so that a per-account limit can be set
   * ({@code platform.rate-limits.password-reset.per-account}); none by default.
   */
  @RateLimited(value = "password-reset", perAddress = "5/PT1M", account = "body.email")
  @POST
  public Response request(
      @NotNull(message = "A request body is required.") @Valid PasswordResetRequest request) {
    resets.request(request.email());
    return Response.accepted().build();
  }

  @Admission(AuthApplication.PASSWORD_HASHING)
  @POST
  @Path("confirmation")
  public Response confirm(
      @NotNull(message = "A request body is required.") @Valid PasswordResetConfirmation request) {
    resets.confirm(request.token(), request.newPassword());
    return Response.noContent().build();
  }
}
