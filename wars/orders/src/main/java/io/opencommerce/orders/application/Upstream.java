package io.opencommerce.orders.application;

import io.opencommerce.addresses.client.AddressView;
import io.opencommerce.addresses.client.AddressesApi;
import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.baskets.client.BasketsApi;
import io.opencommerce.kit.client.RestClients;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.products.client.ProductsApi;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.ReservationView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The services a checkout asks, through their client jars' REST interfaces, each call with a
 * timeout, retries and a circuit breaker (the class's annotations, which every method takes unless
 * it says otherwise). Every call carries the customer's own bearer token, so each service applies
 * its own ownership rules. A refusal (4xx) is the answer and is not retried; a failure (5xx, no
 * answer) is retried, then reported as {@link Unavailable}. Every call here is safe to repeat:
 * reads, and a reservation under an idempotency key.
 */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = ProblemException.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    skipOn = ProblemException.class)
public class Upstream {
  @Inject RestClients clients;

  private BasketsApi baskets;
  private AddressesApi addresses;
  private ProductsApi products;

  /** A service did not answer, or answered with a server error. */
  public static class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @PostConstruct
  void init() {
    baskets = clients.create(BasketsApi.class, "baskets");
    addresses = clients.create(AddressesApi.class, "addresses");
    products = clients.create(ProductsApi.class, "products");
  }

  public BasketView basket(String bearer) {
    return call("baskets", () -> baskets.basket(bearer, null));
  }

  /** The caller's address, or empty when it is not theirs or does not exist. */
  public Optional<AddressView> address(String bearer, UUID id) {
    try {
      return Optional.of(call("addresses", () -> addresses.get(bearer, id)));
    } catch (ProblemException e) {
      if (e.status() == 404 || e.status() == 403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A reservation writes, so it gets more time before the attempt is abandoned and retried. */
  @Timeout(5000)
  public ReservationView reserve(String bearer, String key, ReservationRequest request) {
    return call("products", () -> products.reserve(bearer, key, request));
  }

  /** Cleaning up after a failed checkout: tried a little longer. */
  @Retry(maxRetries = 3, delay = 500, jitter = 200, abortOn = ProblemException.class)
  public void release(String bearer, UUID reservationId) {
    call("products", () -> products.release(bearer, reservationId));
  }

  private static <T> T call(String service, Supplier<T> call) {
    try {
      return call.get();
    } catch (ProblemException e) {
      if (e.status() >= 500) {
        throw new Unavailable("The " + service + " service failed: " + e.getMessage(), e);
      }
      throw e;
    }
  }
}
