package io.opencommerce.kit.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Error responses the runtime produces without an exception (the 401 challenge of a role check, a
 * bare status) still get a problem document, so clients parse one error format only.
 */
@Provider
@Priority(Priorities.USER)
public class EmptyErrorResponseFilter implements ContainerResponseFilter {
  private static final WebApplicationExceptionMapper MAPPER = new WebApplicationExceptionMapper();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400 || response.hasEntity()) {
      return;
    }
    Response problem =
        MAPPER.toResponse(
            new jakarta.ws.rs.WebApplicationException(
                Response.status(response.getStatus()).build()));
    response.setEntity(problem.getEntity(), null, Problems.PROBLEM_JSON);
  }
}
