package io.opencommerce.kit.problem;

import io.opencommerce.contracts.api.ProblemDetail;
import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;

/** Builds {@code application/problem+json} responses; the one place their shape is decided. */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
  private static final String TYPE_BASE = "https://opencommerce.io/problems/";

  private static final Jsonb JSONB = JsonbBuilder.create();

  private Problems() {}

  public static Response response(
      int status,
      String code,
      String title,
      String detail,
      List<FieldViolation> errors,
      Duration retryAfter) {
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(PROBLEM_JSON)
            .entity(document(status, code, title, detail, errors));
    if (retryAfter != null) {
      builder.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
    }
    return builder.build();
  }

  public static Response response(int status, String code, String title, String detail) {
    return response(status, code, title, detail, List.of(), null);
  }

  /** The problem document itself. */
  static ProblemDetail document(
      int status, String code, String title, String detail, List<FieldViolation> errors) {
    return new ProblemDetail(
        TYPE_BASE + code,
        title,
        status,
        detail,
        null,
        code,
        errors == null || errors.isEmpty() ? null : errors);
  }

  /** The document as JSON, for answers written outside JAX-RS (the container's error page). */
  static String json(ProblemDetail document) {
    return JSONB.toJson(document);
  }

  /** The stable code of an answer known only by its status. */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 429 -> "rate-limited";
      default -> status >= 500 ? "server-error" : "client-error";
    };
  }

  /** The title of an answer known only by its status: the HTTP reason phrase. */
  static String titleOf(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "HTTP " + status : known.getReasonPhrase();
  }

  /**
   * 503 {@code upstream-unavailable} with {@code Retry-After}: a service this request needs is not
   * answering.
   */
  public static Response upstreamUnavailable() {
    return upstreamUnavailable(null);
  }

  /** The same, naming the service that is not answering. */
  public static Response upstreamUnavailable(String service) {
    return response(
        503,
        "upstream-unavailable",
        "Service unavailable",
        (service == null ? "A service this request needs" : "The " + service + " service")
            + " is not answering; nothing was changed. Try again shortly.",
        null,
        Duration.ofSeconds(5));
  }

  public static Response of(ProblemException e) {
    Response plain =
        response(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), e.retryAfter());
    if (e.extensions().isEmpty()) {
      return plain;
    }
    // RFC 9457 extension members sit beside the standard ones, at the top level.
    JsonObjectBuilder body =
        Json.createObjectBuilder(
            Json.createReader(new StringReader(JSONB.toJson(plain.getEntity()))).readObject());
    e.extensions()
        .forEach(
            (name, value) ->
                body.add(
                    name, Json.createReader(new StringReader(JSONB.toJson(value))).readValue()));
    return Response.fromResponse(plain).entity(body.build().toString()).build();
  }
}
