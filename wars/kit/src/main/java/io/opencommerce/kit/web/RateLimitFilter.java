package io.opencommerce.kit.web;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The per-address part of {@link RateLimited}: runs once the request is matched to its method (to
 * know the limit) and before anything else of the platform's — the revocation check, the body — so
 * that a client past its limit costs one Redis call and nothing more.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;

  @Inject RateLimits limits;
  @Inject RequestContext context;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource == null) {
      return;
    }
    RateLimited binding =
        RateLimits.bindingOf(resource.getResourceMethod(), resource.getResourceClass());
    if (binding == null) {
      return;
    }
    ProblemException exceeded = limits.byAddress(binding, context.remoteAddress());
    if (exceeded != null) {
      request.abortWith(Problems.of(exceeded));
    }
  }
}
