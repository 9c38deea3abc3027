package io.opencommerce.kit.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON-B reader wraps parse failures in a {@link ProcessingException}: those are the client's
 * fault (400); anything else is ours (500, logged).
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
    LOG.log(Level.SEVERE, "Request processing failed", e);
    return Problems.response(
        500, "server-error", "Internal Server Error", "The request could not be completed.");
  }
}
