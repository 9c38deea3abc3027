package io.opencommerce.kit.security;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.problem.Problems;
import io.opencommerce.kit.security.TokenRevocations.Verdict;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Rejects revoked tokens on every authenticated request of every service. When the check cannot be
 * made, the request is refused with 503 unless {@code security.revocation.fail-open} says
 * otherwise: without Redis ({@code revocation-check-unavailable}), and while the list in Redis is
 * not complete — Redis lost it and the auth service has not put it back yet — for a token not found
 * revoked ({@code revocations-unavailable}, with {@code Retry-After}). Both are counted in {@code
 * revocation_checks_unavailable_total{service, reason}}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class RevocationFilter implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(RevocationFilter.class.getName());
  static final String UNAVAILABLE_METRIC = "revocation_checks_unavailable";

  /** The auth service restores the list within a second or two of noticing it is gone. */
  static final Duration RESTORE_RETRY_AFTER = Duration.ofSeconds(2);

  /** Whether the last check found the list incomplete: logged once per episode, not per request. */
  private static final AtomicBoolean INCOMPLETE = new AtomicBoolean();

  @Inject TokenRevocations revocations;
  @Inject MetricRegistry metrics;
  @Inject ServiceIdentity service;

  @Inject
  @ConfigProperty(name = "security.revocation.fail-open", defaultValue = "false")
  boolean failOpen;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (!(principal instanceof JsonWebToken token)) {
      return;
    }
    Verdict verdict;
    try {
      verdict = revocations.check(token.getTokenID(), token.getSubject(), versionOf(token));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Token revocation check failed: {0}", e.toString());
      countUnavailable("redis-unreachable");
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
    switch (verdict) {
      case REVOKED ->
          request.abortWith(
              Problems.response(
                  401,
                  "token-revoked",
                  "Unauthorized",
                  "This token has been revoked; log in again."));
      case UNKNOWN -> {
        if (INCOMPLETE.compareAndSet(false, true)) {
          LOG.warning(
              "The revocation list in Redis is not complete (Redis lost it; the auth service"
                  + " restores it): signed-in requests are "
                  + (failOpen ? "accepted unchecked" : "refused with 503")
                  + " until it is");
        }
        countUnavailable("list-incomplete");
        if (!failOpen) {
          request.abortWith(
              Problems.of(ProblemException.revocationsUnavailable(RESTORE_RETRY_AFTER)));
        }
      }
      case VALID -> {
        if (INCOMPLETE.compareAndSet(true, false)) {
          LOG.info("The revocation list in Redis is complete again");
        }
      }
    }
  }

  private void countUnavailable(String reason) {
    metrics
        .counter(UNAVAILABLE_METRIC, new Tag("service", service.name()), new Tag("reason", reason))
        .inc();
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
