package io.opencommerce.storefront.application;

import io.opencommerce.kit.client.UpstreamFailure;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.storefront.domain.Part;
import io.opencommerce.storefront.domain.Unavailable;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * What one call gave a page, read once the request has stopped waiting for it: the other service's
 * answer, its refusal (a problem with a 4xx status), or why nothing came back — no answer in time,
 * the service unreachable or failing, or no thread free for the call.
 */
final class Answer<R> {
  private static final Logger LOG = Logger.getLogger(Answer.class.getName());

  /** What the ProblemResponseMapper calls an error answer that was not a problem document. */
  private static final String NOT_A_PROBLEM = "upstream-error";

  private final R value;
  private final Unavailable problem;
  private final int refusal;

  private Answer(R value, Unavailable problem, int refusal) {
    this.value = value;
    this.problem = problem;
    this.refusal = refusal;
  }

  /**
   * The outcome of {@code call} to {@code service}; a call not done (or cancelled) did not answer
   * within {@code waited}.
   */
  static <R> Answer<R> of(CompletableFuture<R> call, String service, Duration waited) {
    if (!call.isDone() || call.isCancelled()) {
      return failed(Unavailable.timedOut(service, waited.toMillis()), service);
    }
    try {
      return new Answer<>(call.getNow(null), null, 0);
    } catch (CancellationException e) {
      return failed(Unavailable.timedOut(service, waited.toMillis()), service);
    } catch (CompletionException e) {
      Unavailable why = why(e.getCause(), service, waited);
      return e.getCause() instanceof ProblemException refused
              && !NOT_A_PROBLEM.equals(refused.code())
          ? new Answer<>(null, why, refused.status())
          : failed(why, service);
    }
  }

  private static <R> Answer<R> failed(Unavailable why, String service) {
    if (why.status() >= 500) {
      LOG.log(
          Level.WARNING,
          "A page part from the {0} service is unavailable: {1}",
          new Object[] {service, why.detail()});
    }
    return new Answer<>(null, why, 0);
  }

  /** How a call's exception shows on the page. */
  static Unavailable why(Throwable thrown, String service, Duration waited) {
    Throwable e = thrown;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof ProblemException refusal) {
      return Unavailable.refused(
          service, refusal.status(), refusal.code(), refusal.title(), refusal.getMessage());
    }
    if (e instanceof BulkheadException) {
      return Unavailable.overloaded(service);
    }
    if (e instanceof TimeoutException || e instanceof CancellationException) {
      return Unavailable.timedOut(service, waited.toMillis());
    }
    if (e instanceof UpstreamFailure || e instanceof FaultToleranceException) {
      LOG.log(Level.FINE, "Call to " + service + " failed", e);
      return Unavailable.unreachable(service);
    }
    LOG.log(Level.SEVERE, "A page part from the " + service + " service could not be made", e);
    return Unavailable.failed(service);
  }

  boolean ok() {
    return problem == null;
  }

  /** The answer; null when there is none. */
  R value() {
    return value;
  }

  /** Why there is no answer; null when there is one. */
  Unavailable problem() {
    return problem;
  }

  /**
   * Whether the service itself refused the call with {@code status}, in a problem of its own (not
   * an error page of a server in front of it).
   */
  boolean refused(int status) {
    return refusal == status;
  }

  /** The part this answer makes, its value written by {@code json}. */
  Part part(Function<? super R, String> json) {
    return ok() ? Part.of(json.apply(value)) : Part.unavailable(problem);
  }
}
