package io.opencommerce.kit.security;

import io.opencommerce.kit.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rejects revoked tokens on every authenticated request of every service. Without Redis the check
 * cannot be made, and the request is refused (503) unless {@code security.revocation.fail-open}
 * says otherwise.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class RevocationFilter implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(RevocationFilter.class.getName());

  @Inject TokenRevocations revocations;

  @Inject
  @ConfigProperty(name = "security.revocation.fail-open", defaultValue = "false")
  boolean failOpen;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (!(principal instanceof JsonWebToken token)) {
      return;
    }
    boolean revoked;
    try {
      revoked =
          revocations.check(token.getTokenID(), token.getSubject(), versionOf(token))
              == TokenRevocations.Verdict.REVOKED;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Token revocation check failed: {0}", e.toString());
      if (failOpen) {
        return;
      }
      request.abortWith(
          Problems.response(
              503,
              "revocation-check-unavailable",
              "Service unavailable",
              "The token cannot be checked right now; try again shortly."));
      return;
    }
    if (revoked) {
      request.abortWith(
          Problems.response(
              401, "token-revoked", "Unauthorized", "This token has been revoked; log in again."));
    }
  }

  private static long versionOf(JsonWebToken token) {
    Object claim = token.getClaim(TokenClaims.TOKEN_VERSION);
    if (claim instanceof JsonNumber number) {
      return number.longValue();
    }
    if (claim instanceof Number number) {
      return number.longValue();
    }
    return 0;
  }
}
