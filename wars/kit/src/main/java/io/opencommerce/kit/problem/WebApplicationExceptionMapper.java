package io.opencommerce.kit.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failures raised by JAX-RS itself (unknown path, wrong method or media type, a bad parameter, a
 * role check) as problem documents with a stable code. A query parameter of the wrong type is the
 * client's input error (400 naming it), not the 404 JAX-RS would answer.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  /** How the runtime names a query parameter it could not convert (JAX-RS answers 404 for it). */
  private static final Pattern QUERY_PARAMETER = Pattern.compile("QueryParam\\(\"([^\"]+)\"\\)");

  @Override
  public Response toResponse(WebApplicationException e) {
    if (e instanceof NotFoundException && e.getCause() != null && e.getMessage() != null) {
      Matcher parameter = QUERY_PARAMETER.matcher(e.getMessage());
      if (parameter.find()) {
        return Problems.of(ProblemException.invalidQuery(parameter.group(1), "has the wrong type"));
      }
    }
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status >= 500) {
      LOG.log(Level.WARNING, "Request failed with " + status, e);
    }
    Response problem =
        Problems.response(status, codeOf(e, status), Problems.titleOf(status), detailOf(e, status));
    if (e instanceof NotAllowedException && original != null) {
      return Response.fromResponse(problem).allow(original.getAllowedMethods()).build();
    }
    return problem;
  }

  private static String codeOf(WebApplicationException e, int status) {
    if (e instanceof NotFoundException) {
      return "not-found";
    }
    if (e instanceof NotSupportedException) {
      return "unsupported-media-type";
    }
    return Problems.codeOf(status);
  }

  private static String detailOf(WebApplicationException e, int status) {
    return switch (status) {
      case 401 -> "Authentication is required: send a valid bearer token.";
      case 403 -> "You are not allowed to do this.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not take this method; see the Allow header.";
      case 406 -> "This address cannot answer in the media type asked for (Accept).";
      case 415 ->
          "The request body's content type (Content-Type) is not one this address takes; JSON"
              + " APIs take application/json.";
      default -> status >= 500 ? "The request could not be completed." : safeMessage(e);
    };
  }

  /** JAX-RS messages name the failing parameter; they never carry data of ours. */
  private static String safeMessage(WebApplicationException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? "The request is not valid." : message;
  }
}
