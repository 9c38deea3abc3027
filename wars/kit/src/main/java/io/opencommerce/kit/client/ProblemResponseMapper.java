package io.opencommerce.kit.client;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns another service's error answer into a {@link ProblemException} carrying its status, code,
 * field errors and extension members (as JSON values), instead of the REST client's "Unknown error,
 * status code N".
 */
public class ProblemResponseMapper implements ResponseExceptionMapper<ProblemException> {
  private static final Set<String> STANDARD =
      Set.of("type", "title", "status", "detail", "instance", "code", "errors");

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public ProblemException toThrowable(Response response) {
    JsonObject problem = null;
    try {
      if (response.hasEntity()) {
        problem = response.readEntity(JsonObject.class);
      }
    } catch (RuntimeException e) {
      problem = null; // not a JSON document
    }
    int status = response.getStatus();
    if (problem == null || !problem.containsKey("code")) {
      return ProblemException.answeredBy(
          status, "upstream-error", "Upstream error", "A service answered " + status + ".", null);
    }
    List<FieldViolation> errors =
        problem.containsKey("errors")
                && problem.get("errors").getValueType() == JsonValue.ValueType.ARRAY
            ? problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(
                    e ->
                        new FieldViolation(
                            e.getString("field", null), e.getString("message", null)))
                .toList()
            : List.of();
    ProblemException thrown =
        ProblemException.answeredBy(
            status,
            problem.getString("code"),
            problem.getString("title", null),
            problem.getString("detail", null),
            errors);
    problem.forEach(
        (member, value) -> {
          if (!STANDARD.contains(member)) {
            thrown.with(member, value);
          }
        });
    return thrown;
  }
}
