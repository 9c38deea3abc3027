package io.opencommerce.kit.problem;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures on a resource method: 400 naming each field ({@code body.email}, {@code
 * query.limit}) and why.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<FieldViolation> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldViolation::field))
            .toList();
    return Problems.response(
        400, "validation-failed", "Validation failed", "The request is not valid.", errors, null);
  }

  /**
   * Turns {@code register.request.email} into {@code body.email}, and a query or path parameter
   * into its own name: clients know their request, not our method names.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    boolean inBody = false;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        // Parameter names are compiled in (-parameters); request bodies are named "request".
        String name = node.getName();
        if ("request".equals(name) || "body".equals(name)) {
          field.append("body");
          inBody = true;
        } else {
          field.append(name);
        }
        continue;
      }
      if (node.getName() == null) {
        continue;
      }
      if (field.length() > 0) {
        field.append('.');
      }
      field.append(node.getName());
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    if (field.length() == 0) {
      return inBody ? "body" : "request";
    }
    return field.toString();
  }
}
