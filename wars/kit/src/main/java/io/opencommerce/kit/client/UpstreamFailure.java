package io.opencommerce.kit.client;

/**
 * Another service could not serve a call: it did not answer in time, refused the connection, failed
 * (5xx), or refused this service's own identity (401/403 between services is a misconfiguration,
 * never the customer's fault). Counted by the caller's circuit breaker and answered as 503 {@code
 * upstream-unavailable} with {@code Retry-After}.
 */
public class UpstreamFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String service;

  public UpstreamFailure(String service, String message, Throwable cause) {
    super("The " + service + " service failed: " + message, cause);
    this.service = service;
  }

  /** The called service, by its configuration name ({@code services.<name>.url}). */
  public String service() {
    return service;
  }

  /**
   * The connection was refused or the host is unknown: the call never reached the service, so
   * trying once more cannot add work to an overloaded one.
   */
  public static class Unreachable extends UpstreamFailure {
    private static final long serialVersionUID = 1L;

    public Unreachable(String service, Throwable cause) {
      super(service, "unreachable (" + cause + ")", cause);
    }
  }
}
