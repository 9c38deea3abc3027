package io.opencommerce.kit.client;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * The one way a service calls another. A service declares what it calls by extending this class
 * once per service it calls, as an application-scoped bean with one public method per call:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class BasketsService extends ServiceClient<BasketsApi> {
 *   public BasketsService() { super(BasketsApi.class, "baskets"); }
 *
 *   public BasketView basket() { return call(api -> api.basket(callerBearer(), null)); }
 * }
 * }</pre>
 *
 * Everything else is decided here, once:
 *
 * <ul>
 *   <li><b>The client</b>: the typed MicroProfile REST client of the other service's client jar,
 *       built once ({@link RestClients}: base URL, connect and read timeouts, problem+json answers
 *       as {@link ProblemException}, site, correlation id and trace context passed on).
 *   <li><b>Identity</b>: {@link #callerBearer()} passes the customer's own token on, so the other
 *       service applies its ownership rules; {@link #serviceBearer()} is this service's own token
 *       for service-only endpoints ({@link ServiceTokens}).
 *   <li><b>Refusals</b> (4xx about the request: 400, 404, 409, 412, 422) come back as the other
 *       service's {@link ProblemException}; the declaring method translates the ones its caller
 *       must see in its own vocabulary. Everything else is an {@link UpstreamFailure} (503).
 *   <li><b>Fault tolerance</b>, tuned so that the platform's own queueing never turns into
 *       failures: no Fault Tolerance timeout (a synchronous call is not cut short by one; the
 *       client's read timeout is the limit, {@code services.<name>.read-timeout-ms}); a bulkhead
 *       per call that bounds how many request threads may wait on that service at once (a full one
 *       fails at once with 503 instead of queueing threads behind a slow service, and is not
 *       counted as the service's failure); a circuit breaker that opens only on the other service's
 *       own failures, never on refusals or on this side's bulkhead; one retry, and only when the
 *       connection was refused (the call never reached the service, so a retry cannot add load to
 *       an overloaded one — a timeout or a 5xx is never retried).
 * </ul>
 *
 * <p>A request that needs several services at once starts these same methods side by side with
 * {@link ParallelCalls} ({@code calls.submit(() -> orders.order(id))}) and waits for them together,
 * for a bounded time; every rule above applies to each call as it does to a synchronous one.
 *
 * <p>Each subclass method has its own bulkhead and circuit (Fault Tolerance keeps state per
 * method); every value can be overridden per class or method with the standard MicroProfile Fault
 * Tolerance configuration keys (e.g. {@code
 * io.opencommerce.orders.application.BasketsService/Bulkhead/value}).
 */
@Bulkhead(value = ServiceClient.BULKHEAD)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    successThreshold = 2,
    failOn = UpstreamFailure.class,
    skipOn = {ProblemException.class, BulkheadException.class})
@Retry(maxRetries = 1, delay = 100, jitter = 50, retryOn = UpstreamFailure.Unreachable.class)
public abstract class ServiceClient<T> {
  /**
   * Request threads that may wait on one call at once: above the checkout admission limit ({@code
   * platform.limits.*}), below the server's executor size, so a slow service can hold at most this
   * many threads and never starve the ones serving it.
   */
  public static final int BULKHEAD = 96;

  private static final Logger LOG = Logger.getLogger(ServiceClient.class.getName());

  private final Class<T> apiType;
  private final String service;

  @Inject RestClients clients;
  @Inject ServiceTokens tokens;
  @Inject CurrentUser caller;

  private T api;

  protected ServiceClient(Class<T> apiType, String service) {
    this.apiType = apiType;
    this.service = service;
  }

  @PostConstruct
  void build() {
    api = clients.create(apiType, service);
  }

  /**
   * Makes one call: the other service's refusal comes back as its {@link ProblemException}, any
   * other failure as an {@link UpstreamFailure}.
   */
  protected <R> R call(Function<T, R> call) {
    try {
      return call.apply(api);
    } catch (ProblemException e) {
      if (isRefusal(e.status())) {
        throw e;
      }
      if (e.status() == 401 || e.status() == 403) {
        LOG.log(
            Level.SEVERE,
            "The {0} service refused this service''s call ({1} {2}): check service credentials",
            new Object[] {service, e.status(), e.code()});
      }
      throw new UpstreamFailure(service, e.status() + " " + e.code(), e);
    } catch (ProcessingException e) {
      ProblemException problem = problemIn(e);
      if (problem != null) {
        throw problem;
      }
      throw neverReached(e) ? new UpstreamFailure.Unreachable(service, e) : failure(e);
    } catch (UpstreamFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  /** Like {@link #call}, with a 404 as empty: a lookup of something that may not exist. */
  protected <R> Optional<R> find(Function<T, R> call) {
    try {
      return Optional.ofNullable(call(call));
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The current caller's own token, passed on ({@code Bearer …}); null for an anonymous caller. On
   * a call thread of {@link ParallelCalls}, the token of the request that started the call.
   */
  protected String callerBearer() {
    ParallelCalls.Captured captured = ParallelCalls.captured();
    return captured != null ? captured.bearer() : ParallelCalls.bearerOf(caller);
  }

  /** This service's own token, for endpoints only services may call ({@code Bearer …}). */
  protected String serviceBearer() {
    return tokens.bearer();
  }

  /** Answers about the request itself, which the caller may act on; never retried or counted. */
  static boolean isRefusal(int status) {
    return status == 400 || status == 404 || status == 409 || status == 412 || status == 422;
  }

  /**
   * The connection was never made: the request cannot have reached the other service (the kit's one
   * reading of a client's cause chain; the problem mappers classify with it too).
   */
  public static boolean neverReached(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || cause instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private static ProblemException problemIn(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException problem && isRefusal(problem.status())) {
        return problem;
      }
    }
    return null;
  }

  private UpstreamFailure failure(RuntimeException e) {
    return new UpstreamFailure(service, e.toString(), e);
  }
}
