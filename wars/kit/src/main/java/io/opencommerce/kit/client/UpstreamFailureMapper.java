package io.opencommerce.kit.client;

import io.opencommerce.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Another service could not serve this request: 503 for the caller to retry, not a 500. */
@Provider
public class UpstreamFailureMapper implements ExceptionMapper<UpstreamFailure> {
  private static final Logger LOG = Logger.getLogger(UpstreamFailureMapper.class.getName());

  @Override
  public Response toResponse(UpstreamFailure e) {
    LOG.warning(e::getMessage);
    return Problems.upstreamUnavailable(e.service());
  }
}
