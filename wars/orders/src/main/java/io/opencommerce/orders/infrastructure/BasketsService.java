package io.opencommerce.orders.infrastructure;

import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.baskets.client.BasketsApi;
import io.opencommerce.kit.client.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;

/** What a checkout asks the baskets service: the customer's basket, with the customer's token. */
@ApplicationScoped
public class BasketsService extends ServiceClient<BasketsApi> {
  public BasketsService() {
    super(BasketsApi.class, "baskets");
  }

  public BasketView basket() {
    return call(api -> api.basket(callerBearer(), null));
  }
}
