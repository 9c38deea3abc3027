package io.opencommerce.kit.problem;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on, answered as {@code application/problem+json}. Every problem is
 * made by a named factory, one per kind of failure.
 *
 * <p>A field of the request is named by where it came in and its name there: {@code body.<path>}
 * ({@code body.lines[0].quantity}), {@code query.<name>}, {@code path.<name>} or {@code
 * header.<Name>}; the request body as a whole is {@code body}. The Bean Validation mapper names
 * fields the same way. Errors of a conflict (409) name the thing in conflict instead ({@code
 * basket.<productId>}).
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String title;
  private final List<FieldViolation> errors;
  private final Duration retryAfter;
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  private ProblemException(
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

  /** 400 {@code malformed-json}: the body is not JSON, or not JSON of the operation's shape. */
  public static ProblemException malformedJson(String detail) {
    return new ProblemException(400, "malformed-json", "Malformed JSON", detail, List.of(), null);
  }

  /** 400 {@code validation-failed}, naming each field as the class comment says. */
  public static ProblemException invalid(List<FieldViolation> errors) {
    return new ProblemException(
        400, "validation-failed", "Validation failed", "The request is not valid.", errors, null);
  }

  /** 400: a field of the request body ({@code path} within it; null or empty: the whole body). */
  public static ProblemException invalidBody(String path, String message) {
    return invalid(List.of(new FieldViolation(bodyField(path), message)));
  }

  /** 400: fields of the request body, each named by its path within the body. */
  public static ProblemException invalidBody(List<FieldViolation> inBody) {
    return invalid(
        inBody.stream().map(v -> new FieldViolation(bodyField(v.field()), v.message())).toList());
  }

  /** 400: a query parameter, by the name the client sends. */
  public static ProblemException invalidQuery(String name, String message) {
    return invalid(List.of(new FieldViolation("query." + name, message)));
  }

  /** 400: a path parameter, by its name in the path template. */
  public static ProblemException invalidPath(String name, String message) {
    return invalid(List.of(new FieldViolation("path." + name, message)));
  }

  /** 400: a request header. */
  public static ProblemException invalidHeader(String name, String message) {
    return invalid(List.of(new FieldViolation("header." + name, message)));
  }

  private static String bodyField(String path) {
    return path == null || path.isEmpty() ? "body" : "body." + path;
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

  /**
   * 422: the request is well formed but names something it may not use (one of someone else's
   * orders, an account that is not an agent); {@code errors} name the fields, as for a 400.
   */
  public static ProblemException unprocessable(
      String code, String detail, List<FieldViolation> errors) {
    return new ProblemException(422, code, "Unprocessable content", detail, errors, null);
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

  /**
   * 429 {@code rate-limited}: the client sent more requests of this kind than its limit allows (per
   * address or per account, {@code RateLimited}); nothing was done. {@code Retry-After} says when
   * the window frees.
   */
  public static ProblemException rateLimited(String detail, Duration retryAfter) {
    return tooManyRequests("rate-limited", detail, retryAfter);
  }

  /** 402: the payment step refused the order. */
  public static ProblemException paymentRequired(String code, String detail) {
    return new ProblemException(402, code, "Payment required", detail, List.of(), null);
  }

  /** 412: a precondition of the request ({@code If-Match}) no longer holds. */
  public static ProblemException preconditionFailed(String code, String detail) {
    return new ProblemException(412, code, "Precondition failed", detail, List.of(), null);
  }

  /** 413 {@code payload-too-large}. */
  public static ProblemException payloadTooLarge(long limit) {
    return new ProblemException(
        413,
        "payload-too-large",
        "Payload too large",
        "The request body is larger than " + limit + " bytes.",
        List.of(),
        null);
  }

  /** 415: the body is of a type this endpoint does not take. */
  public static ProblemException unsupportedMediaType(String code, String detail) {
    return new ProblemException(415, code, "Unsupported media type", detail, List.of(), null);
  }

  /**
   * A problem another service answered, as it answered it, for the caller to translate into its own
   * vocabulary (the kit's REST clients throw it).
   */
  public static ProblemException answeredBy(
      int status, String code, String title, String detail, List<FieldViolation> errors) {
    return new ProblemException(status, code, title, detail, errors, null);
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

  /**
   * 503 {@code storage-unavailable}: the object storage did not take or give a file; nothing was
   * kept. Retry after 5 s.
   */
  public static ProblemException storageUnavailable() {
    return new ProblemException(
        503,
        "storage-unavailable",
        "Service unavailable",
        "Files cannot be stored or fetched for a moment; nothing was kept. Try again shortly.",
        List.of(),
        Duration.ofSeconds(5));
  }

  /**
   * 503 {@code revocations-unavailable}: the revocation list is being restored (Redis lost it), so
   * whether this token was revoked cannot be told yet; nothing was done.
   */
  public static ProblemException revocationsUnavailable(Duration retryAfter) {
    return new ProblemException(
        503,
        "revocations-unavailable",
        "Service unavailable",
        "Signed-in requests cannot be checked for a moment; nothing was done. Try again shortly.",
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
