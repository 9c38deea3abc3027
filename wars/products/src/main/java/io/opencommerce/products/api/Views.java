package io.opencommerce.products.api;

import io.opencommerce.products.client.CategoryView;
import io.opencommerce.products.client.ProductView;
import io.opencommerce.products.domain.Category;
import io.opencommerce.products.domain.Product;

/** Maps entities to the records of the public API. */
final class Views {
  private Views() {}

  static ProductView product(Product product) {
    return new ProductView(
        product.id(),
        product.sku(),
        product.name(),
        product.description(),
        product.category() == null ? null : category(product.category()),
        product.price().amount(),
        product.price().currency(),
        product.attributes(),
        product.isActive(),
        product.version(),
        product.updatedAt());
  }

  static CategoryView category(Category category) {
    return new CategoryView(category.id(), category.slug(), category.name());
  }
}
