package io.opencommerce.kit.client;

import io.opencommerce.contracts.api.ProblemDetail;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns another service's error answer into a {@link ProblemException} carrying its status, code
 * and field errors, instead of the REST client's "Unknown error, status code N".
 */
public class ProblemResponseMapper implements ResponseExceptionMapper<ProblemException> {
  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public ProblemException toThrowable(Response response) {
    ProblemDetail problem = null;
    try {
      if (response.hasEntity()) {
        problem = response.readEntity(ProblemDetail.class);
      }
    } catch (RuntimeException e) {
      problem = null; // not a problem document
    }
    int status = response.getStatus();
    return problem == null
        ? new ProblemException(
            status,
            "upstream-error",
            "Upstream error",
            "A service answered " + status + ".",
            null,
            null)
        : new ProblemException(
            status, problem.code(), problem.title(), problem.detail(), problem.errors(), null);
  }
}
