package io.opencommerce.kit.problem;

import io.opencommerce.kit.client.ServiceClient;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON-B reader wraps parse failures in a {@link ProcessingException}: those are the client's
 * fault (400). A REST client that could not reach another service throws one too: that is a 503 for
 * the caller to retry. Anything else is ours (500, logged).
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
  private static final Logger LOG = Logger.getLogger(ProcessingExceptionMapper.class.getName());

  @Override
  public Response toResponse(ProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem) {
        return Problems.of(problem);
      }
      if (cause instanceof JsonbException || cause instanceof jakarta.json.JsonException) {
        return new MalformedJsonMapper().toResponse(new JsonbException(cause.getMessage()));
      }
    }
    if (unreachable(e)) {
      LOG.warning(() -> "Another service could not be reached: " + e);
      return Problems.upstreamUnavailable();
    }
    LOG.log(Level.SEVERE, "Request processing failed", e);
    return Problems.response(
        500, "server-error", "Internal Server Error", "The request could not be completed.");
  }

  /** Whether {@code e} comes from a connection that could not be made or timed out. */
  static boolean unreachable(Throwable e) {
    if (ServiceClient.neverReached(e)) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
