package io.opencommerce.questions.api;

import io.opencommerce.kit.web.RateLimited;
import io.opencommerce.questions.application.Visitors;
import io.opencommerce.questions.client.VisitorToken;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;

/**
 * Anonymous visitors' tokens: {@code POST /visitors} (no body) answers 201 with a new signed token,
 * and sets it as the {@code oc_visitor} cookie (HttpOnly, SameSite=Lax, a year, for the FAQ's paths
 * only; Secure over HTTPS) for pages that vote from the browser. Rate-limited per client address
 * ({@code platform.rate-limits.visitor-tokens.per-address}, 20 a minute), so nobody collects tokens
 * by the thousand to vote many times.
 */
@Path("visitors")
@RequestScoped
@PermitAll
public class VisitorResource {
  private static final int COOKIE_SECONDS = (int) Duration.ofDays(365).toSeconds();

  @Inject Visitors visitors;
  @Context SecurityContext security;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RateLimited(value = "visitor-tokens", perAddress = "20/PT1M")
  public Response issue(@HeaderParam("X-Forwarded-Proto") String forwardedProto) {
    String token = visitors.issue();
    NewCookie cookie =
        new NewCookie.Builder(VisitorToken.COOKIE)
            .value(token)
            .path("/questions")
            .maxAge(COOKIE_SECONDS)
            .httpOnly(true)
            .secure(security.isSecure() || "https".equalsIgnoreCase(forwardedProto))
            .sameSite(NewCookie.SameSite.LAX)
            .build();
    return Response.status(Response.Status.CREATED)
        .entity(new VisitorToken(token))
        .cookie(cookie)
        .build();
  }
}
