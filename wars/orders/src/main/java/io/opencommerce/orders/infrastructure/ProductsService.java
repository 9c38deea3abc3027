package io.opencommerce.orders.infrastructure;

import io.opencommerce.kit.client.ServiceClient;
import io.opencommerce.products.client.ProductsApi;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.ReservationView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What a checkout asks the products service: to hold the units of an order and, if the order cannot
 * be placed after all, to give them back. Stock belongs to services: both calls carry the orders
 * service's own token, and the customer they are made for travels in the request.
 */
@ApplicationScoped
public class ProductsService extends ServiceClient<ProductsApi> {
  public ProductsService() {
    super(ProductsApi.class, "products");
  }

  /** Holds the units, once per key: a replay of the same key answers the same reservation. */
  public ReservationView reserve(String key, ReservationRequest request) {
    return call(api -> api.reserve(serviceBearer(), key, request));
  }

  public void release(UUID reservationId) {
    call(api -> api.release(serviceBearer(), reservationId));
  }
}
