package io.opencommerce.kit.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * A call to another service gave up (timeout, open circuit breaker, full bulkhead): the request
 * cannot be served now, which is a 503 for the caller to retry, not a 500.
 */
@Provider
public class FaultToleranceExceptionMapper implements ExceptionMapper<FaultToleranceException> {
  private static final Logger LOG = Logger.getLogger(FaultToleranceExceptionMapper.class.getName());

  @Override
  public Response toResponse(FaultToleranceException e) {
    LOG.warning(() -> "A call to another service gave up: " + e);
    return Problems.upstreamUnavailable();
  }
}
