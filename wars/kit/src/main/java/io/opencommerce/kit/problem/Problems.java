package io.opencommerce.kit.problem;

import io.opencommerce.contracts.api.ProblemDetail;
import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** Builds {@code application/problem+json} responses; the one place their shape is decided. */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
  private static final String TYPE_BASE = "https://opencommerce.io/problems/";

  private Problems() {}

  public static Response response(
      int status,
      String code,
      String title,
      String detail,
      List<FieldViolation> errors,
      Duration retryAfter) {
    ProblemDetail body =
        new ProblemDetail(
            TYPE_BASE + code,
            title,
            status,
            detail,
            null,
            code,
            errors == null || errors.isEmpty() ? null : errors);
    Response.ResponseBuilder builder = Response.status(status).type(PROBLEM_JSON).entity(body);
    if (retryAfter != null) {
      builder.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
    }
    return builder.build();
  }

  public static Response response(int status, String code, String title, String detail) {
    return response(status, code, title, detail, List.of(), null);
  }

  /**
   * 503 {@code upstream-unavailable} with {@code Retry-After}: a service this request needs is not
   * answering.
   */
  public static Response upstreamUnavailable() {
    return response(
        503,
        "upstream-unavailable",
        "Service unavailable",
        "A service this request needs is not answering; try again shortly.",
        null,
        Duration.ofSeconds(5));
  }

  public static Response of(ProblemException e) {
    return response(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), e.retryAfter());
  }
}
