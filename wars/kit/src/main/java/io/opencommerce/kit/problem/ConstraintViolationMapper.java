package io.opencommerce.kit.problem;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation failures on a resource method: 400 naming each field ({@code body.email}, {@code
 * query.limit}) and why.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    return Problems.of(problem(e.getConstraintViolations(), ""));
  }

  /**
   * A request body validated by hand (one read from raw bytes, say), reported as a body validated
   * on the way in is: each field named {@code body.<path>}.
   */
  public static ProblemException invalidBody(Set<? extends ConstraintViolation<?>> violations) {
    return problem(violations, "body.");
  }

  private static ProblemException problem(
      Set<? extends ConstraintViolation<?>> violations, String prefix) {
    List<FieldViolation> errors =
        violations.stream()
            .map(v -> new FieldViolation(prefix + fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldViolation::field))
            .toList();
    return new ProblemException(
        400, "validation-failed", "Validation failed", "The request is not valid.", errors, null);
  }

  /**
   * Names the field as the client sent it: {@code body.email} for a request body (parameters named
   * {@code request}), {@code limit} for a query parameter or a field of a bean parameter.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    List<String> parts = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
        if (node.getName() != null) {
          parts.add(
              node.getIndex() == null
                  ? node.getName()
                  : node.getName() + "[" + node.getIndex() + "]");
        }
      }
    }
    if ("request".equals(parameter)) {
      parts.add(0, "body");
    } else if (parts.isEmpty() && parameter != null) {
      parts.add(parameter);
    }
    return parts.isEmpty() ? "request" : String.join(".", parts);
  }
}
