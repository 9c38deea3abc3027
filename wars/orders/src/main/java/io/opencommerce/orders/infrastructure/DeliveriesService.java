package io.opencommerce.orders.infrastructure;

import io.opencommerce.deliveries.client.DeliveriesApi;
import io.opencommerce.kit.client.ServiceClient;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What cancelling an order asks the deliveries service: to stop the order's shipment first, with
 * the orders service's own token. Shipments belong to deliveries, which alone knows whether the
 * parcel has left.
 */
@ApplicationScoped
public class DeliveriesService extends ServiceClient<DeliveriesApi> {
  /** Deliveries' answer when the parcel is on its way. */
  public static final String PARCEL_LEFT = "parcel-left";

  public DeliveriesService() {
    super(DeliveriesApi.class, "deliveries");
  }

  /**
   * Stops the order's shipment (or makes sure none is opened); asking again answers the same.
   *
   * @throws ProblemException 409 {@link #PARCEL_LEFT} when the parcel is on its way
   */
  public void stopShipment(UUID orderId) {
    call(api -> api.cancelShipment(serviceBearer(), orderId));
  }
}
