package io.opencommerce.storefront.domain;

/**
 * Why a part of a page could not be shown, in the shape of an RFC 9457 problem: a stable {@code
 * code} (its {@code type} is the platform's problem URI for it), the HTTP status the part would
 * have had on its own, a sentence for people, and the service it comes from.
 */
public record Unavailable(String code, String title, int status, String detail, String service) {
  /** Where the platform's problem types live; the same base as every service's problems. */
  public static final String TYPE_BASE = "https://opencommerce.io/problems/";

  public String type() {
    return TYPE_BASE + code;
  }

  /** The service did not answer within the part's time. */
  public static Unavailable timedOut(String service, long millis) {
    return new Unavailable(
        "upstream-timeout",
        "Gateway timeout",
        504,
        "The " + service + " service did not answer within " + millis + " ms.",
        service);
  }

  /** The service could not be reached, failed, or its circuit is open. */
  public static Unavailable unreachable(String service) {
    return new Unavailable(
        "upstream-unavailable",
        "Service unavailable",
        503,
        "The " + service + " service is not answering; try again shortly.",
        service);
  }

  /** This server has no thread left for one more call to the service right now. */
  public static Unavailable overloaded(String service) {
    return new Unavailable(
        "overloaded",
        "Service unavailable",
        503,
        "Too many requests are waiting on the " + service + " service; try again shortly.",
        service);
  }

  /** The service refused the part's request with a problem of its own. */
  public static Unavailable refused(
      String service, int status, String code, String title, String detail) {
    return new Unavailable(
        code == null ? "upstream-refused" : code,
        title == null ? "Refused" : title,
        status,
        detail == null
            ? "The " + service + " service refused the request (" + status + ")."
            : detail,
        service);
  }

  /** Something went wrong on this side while the part was made (logged with the details). */
  public static Unavailable failed(String service) {
    return new Unavailable(
        "part-failed",
        "Internal server error",
        500,
        "This part could not be made; the other parts are unaffected.",
        service);
  }

  void writeTo(StringBuilder out) {
    out.append("{\"type\":");
    JsonText.quote(type(), out);
    out.append(",\"title\":");
    JsonText.quote(title, out);
    out.append(",\"status\":").append(status);
    out.append(",\"detail\":");
    JsonText.quote(detail, out);
    out.append(",\"code\":");
    JsonText.quote(code, out);
    out.append(",\"service\":");
    JsonText.quote(service, out);
    out.append('}');
  }
}
