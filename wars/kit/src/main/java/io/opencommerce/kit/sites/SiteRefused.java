package io.opencommerce.kit.sites;

import io.opencommerce.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/**
 * The request's site cannot be served: answered as a problem ({@link SiteRefusedMapper}, or by
 * {@code RequestContextFilter} before any work) with the code of its {@link Reason}.
 */
public final class SiteRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, with the status and code of the problem. */
  public enum Reason {
    /** 400 {@code invalid-site}: {@code X-Site} is not a site code. */
    INVALID_SITE(400, "invalid-site", "Bad request", null),
    /** 404 {@code unknown-site}: no such site, or it is inactive. */
    UNKNOWN_SITE(404, "unknown-site", "Not found", null),
    /** 503 {@code sites-unavailable}: the registry has not loaded yet; {@code Retry-After}. */
    SITES_UNAVAILABLE(503, "sites-unavailable", "Service unavailable", Duration.ofSeconds(5));

    private final int status;
    private final String code;
    private final String title;
    private final Duration retryAfter;

    Reason(int status, String code, String title, Duration retryAfter) {
      this.status = status;
      this.code = code;
      this.title = title;
      this.retryAfter = retryAfter;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;

  public SiteRefused(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public static SiteRefused invalid() {
    return new SiteRefused(Reason.INVALID_SITE, "X-Site must be a lower-case site code.");
  }

  public static SiteRefused unknown(String what) {
    return new SiteRefused(Reason.UNKNOWN_SITE, what + " is not a site of this platform.");
  }

  public static SiteRefused unavailable() {
    return new SiteRefused(
        Reason.SITES_UNAVAILABLE,
        "The platform's sites are not known yet; nothing was done. Try again shortly.");
  }

  public Reason reason() {
    return reason;
  }

  /** The problem document answering it. */
  public Response toResponse() {
    return Problems.response(
        reason.status, reason.code, reason.title, getMessage(), List.of(), reason.retryAfter);
  }
}
