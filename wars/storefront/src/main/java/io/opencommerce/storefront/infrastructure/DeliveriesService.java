package io.opencommerce.storefront.infrastructure;

import io.opencommerce.deliveries.client.DeliveriesApi;
import io.opencommerce.deliveries.client.ShipmentView;
import io.opencommerce.kit.client.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What the order page asks the deliveries service, with the caller's own token: an order's shipment
 * with its journey (another customer's order is a 404).
 */
@ApplicationScoped
public class DeliveriesService extends ServiceClient<DeliveriesApi> {
  public DeliveriesService() {
    super(DeliveriesApi.class, "deliveries");
  }

  /** The shipment of the order, with its journey; 404 while none is booked. */
  public ShipmentView shipmentOfOrder(UUID orderId) {
    return call(api -> api.ofOrder(callerBearer(), orderId));
  }
}
