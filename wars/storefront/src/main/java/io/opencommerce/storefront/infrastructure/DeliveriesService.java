package io.opencommerce.storefront.infrastructure;

import io.opencommerce.deliveries.client.DeliveriesApi;
import io.opencommerce.deliveries.client.ShipmentView;
import io.opencommerce.kit.client.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What the order page asks the deliveries service, with the caller's own token: one shipment with
 * its journey (another customer's is a 404).
 */
@ApplicationScoped
public class DeliveriesService extends ServiceClient<DeliveriesApi> {
  public DeliveriesService() {
    super(DeliveriesApi.class, "deliveries");
  }

  public ShipmentView shipment(UUID id) {
    return call(api -> api.get(callerBearer(), id));
  }
}
