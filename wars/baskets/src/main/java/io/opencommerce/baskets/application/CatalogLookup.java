package io.opencommerce.baskets.application;

import io.opencommerce.kit.client.RestClients;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.products.client.ProductView;
import io.opencommerce.products.client.ProductsApi;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * What the catalog says of a product, asked over REST (the products service's {@code ProductsApi})
 * with a timeout, retries and a circuit breaker. An answer of 404 means the product is gone; any
 * other failure is the catalog's and propagates.
 */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = ProblemException.class)
@CircuitBreaker(
    requestVolumeThreshold = 20,
    failureRatio = 0.5,
    delay = 5000,
    skipOn = ProblemException.class)
public class CatalogLookup {
  @Inject RestClients clients;

  private ProductsApi products;

  @PostConstruct
  void init() {
    products = clients.create(ProductsApi.class, "products");
  }

  public Optional<ProductView> product(UUID id) {
    try {
      return Optional.of(products.product(id));
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The active products among {@code ids}, with the units available now, in one call; unknown and
   * retired products are missing from the map.
   */
  public Map<UUID, ProductAvailability> lookup(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return products.lookup(List.copyOf(ids)).stream()
        .collect(Collectors.toMap(p -> p.product().id(), p -> p));
  }
}
