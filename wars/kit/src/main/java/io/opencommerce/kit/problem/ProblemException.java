package io.opencommerce.kit.problem;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on, answered as {@code application/problem+json}. Services throw it
 * through the factory methods instead of building responses by hand.
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String title;
  private final List<FieldViolation> errors;
  private final Duration retryAfter;
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  public ProblemException(
      int status,
      String code,
      String title,
      String detail,
      List<FieldViolation> errors,
      Duration retryAfter) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public static ProblemException badRequest(String code, String detail) {
    return new ProblemException(400, code, "Bad request", detail, List.of(), null);
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        400,
        "validation-failed",
        "Validation failed",
        "The request is not valid.",
        List.of(new FieldViolation(field, message)),
        null);
  }

  public static ProblemException unauthorized(String code, String detail) {
    return new ProblemException(401, code, "Unauthorized", detail, List.of(), null);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "forbidden", "Forbidden", detail, List.of(), null);
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(
        404, "not-found", "Not found", what + " " + id + " does not exist.", List.of(), null);
  }

  public static ProblemException conflict(String code, String detail) {
    return new ProblemException(409, code, "Conflict", detail, List.of(), null);
  }

  /** A conflict with the state of things, naming what conflicts (a line, a field). */
  public static ProblemException conflict(String code, String detail, List<FieldViolation> errors) {
    return new ProblemException(409, code, "Conflict", detail, errors, null);
  }

  public static ProblemException tooManyRequests(String code, String detail, Duration retryAfter) {
    return new ProblemException(
        Status.TOO_MANY_REQUESTS.getStatusCode(),
        code,
        "Too many requests",
        detail,
        List.of(),
        retryAfter);
  }

  public static ProblemException unavailable(String code, String detail) {
    return new ProblemException(503, code, "Service unavailable", detail, List.of(), null);
  }

  /**
   * Adds an RFC 9457 extension member: what the client needs to act on the problem (the basket
   * re-priced after a price change, for example), beside the standard members.
   */
  public ProblemException with(String member, Object value) {
    extensions.put(member, value);
    return this;
  }

  public Map<String, Object> extensions() {
    return Collections.unmodifiableMap(extensions);
  }

  /**
   * 503 {@code overloaded}: the server is serving all it can and turned this request away before
   * doing any of its work.
   */
  public static ProblemException overloaded(Duration retryAfter) {
    return new ProblemException(
        503,
        "overloaded",
        "Service unavailable",
        "The platform is busy; nothing was done. Try again in a moment.",
        List.of(),
        retryAfter);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<FieldViolation> errors() {
    return errors;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
