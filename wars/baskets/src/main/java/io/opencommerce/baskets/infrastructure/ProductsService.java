package io.opencommerce.baskets.infrastructure;

import io.opencommerce.kit.client.ServiceClient;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.products.client.ProductsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the baskets service asks the products service: only a product it has not heard of yet, when
 * a customer adds it (one hop; the catalogue answers from its own data). Reading a basket never
 * calls it.
 */
@ApplicationScoped
public class ProductsService extends ServiceClient<ProductsApi> {
  public ProductsService() {
    super(ProductsApi.class, "products");
  }

  /** The active product with its units available, if the catalogue sells it. */
  public Optional<ProductAvailability> sellable(UUID id) {
    return call(api -> api.lookup(List.of(id))).stream().findFirst();
  }
}
