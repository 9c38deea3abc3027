package io.opencommerce.storefront.infrastructure;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ServiceClient;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.orders.client.OrdersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What the order page and the account ask the orders service, with the caller's own token: the
 * orders service decides whose orders they see (another customer's order is a 404).
 */
@ApplicationScoped
public class OrdersService extends ServiceClient<OrdersApi> {
  public OrdersService() {
    super(OrdersApi.class, "orders");
  }

  public OrderView order(UUID id) {
    return call(api -> api.get(callerBearer(), id));
  }

  /** The caller's newest orders. */
  public Page<OrderView> recent(int limit) {
    return call(api -> api.list(callerBearer(), null, null, null, null, limit, 0));
  }
}
