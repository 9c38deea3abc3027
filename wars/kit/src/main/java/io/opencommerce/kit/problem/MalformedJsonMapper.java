package io.opencommerce.kit.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not JSON, or not JSON of the expected shape: 400, never a 500. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {
  @Override
  public Response toResponse(JsonbException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem) {
        return Problems.of(problem); // e.g. the body outgrew its size limit while being parsed
      }
    }
    return Problems.of(
        ProblemException.malformedJson("The request body is not valid JSON for this operation."));
  }
}
