package io.opencommerce.kit.security;

import io.opencommerce.kit.security.SecurityLog.Outcome;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * What every service writes to its {@link SecurityLog} by itself, whatever the endpoint:
 *
 * <ul>
 *   <li>{@code access-denied}: a 403, the caller lacking the role or the ownership;
 *   <li>{@code token-refused}: a 401 to a request that presented a token (revoked, or not one of
 *       the platform's; Liberty refuses forged and expired tokens before any application and
 *       records those in its audit log);
 *   <li>{@code staff-change}: every change (POST, PUT, PATCH, DELETE) made by an administrator or a
 *       support agent, with its outcome: the administrative actions of the platform, by whom, on
 *       what.
 * </ul>
 *
 * Customers' own changes and the services' calls to each other are the business, not security
 * events: the access log has them.
 */
@Provider
@Priority(200)
public class SecurityActions implements ContainerResponseFilter {
  private static final Set<String> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  @Inject SecurityLog log;
  @Inject CurrentUser caller;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    String target = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath();
    if (status == 403) {
      log.record("access-denied", Outcome.DENIED, target, null);
    } else if (status == 401 && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
      log.record("token-refused", Outcome.DENIED, target, null);
    } else if (!SAFE.contains(request.getMethod()) && caller.seesAllCustomers()) {
      Outcome outcome =
          status < 400 ? Outcome.SUCCESS : status < 500 ? Outcome.DENIED : Outcome.FAILED;
      log.record("staff-change", outcome, target, "HTTP " + status);
    }
  }
}
