package io.opencommerce.storefront.infrastructure;

import io.opencommerce.kit.client.ServiceClient;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.products.client.ProductsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What a product page asks the catalogue, in one call: the product with its units available now.
 * Anonymous: the catalogue is public, and the answer is cached for every visitor.
 */
@ApplicationScoped
public class ProductsService extends ServiceClient<ProductsApi> {
  public ProductsService() {
    super(ProductsApi.class, "products");
  }

  /** The product if it is active on the site, with its units available; empty when it is not. */
  public List<ProductAvailability> lookup(UUID productId) {
    return call(api -> api.lookup(List.of(productId)));
  }
}
