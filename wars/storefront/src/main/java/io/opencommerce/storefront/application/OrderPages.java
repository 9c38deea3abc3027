package io.opencommerce.storefront.application;

import io.opencommerce.deliveries.client.ShipmentView;
import io.opencommerce.kit.client.ParallelCalls;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.storefront.domain.ComposedPage;
import io.opencommerce.storefront.domain.Part;
import io.opencommerce.storefront.infrastructure.DeliveriesService;
import io.opencommerce.storefront.infrastructure.OrdersService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An order page: the order (the orders service) and its shipment with the parcel's journey (the
 * deliveries service), both asked with the caller's own token, so each service applies its own
 * ownership rules. The order is the page's subject: when the orders service says it does not exist
 * — for another customer's order too — the page does not either (404).
 *
 * <p>Both are asked at once (the deliveries service finds the shipment by the order's id), each
 * within {@code storefront.parts.timeout}. An order whose shipment is not booked yet shows {@code
 * "shipment":{"status":"ok","data":null}}.
 */
@ApplicationScoped
public class OrderPages {
  static final String ORDERS = "orders";
  static final String DELIVERIES = "deliveries";

  @Inject OrdersService orders;
  @Inject DeliveriesService deliveries;
  @Inject ParallelCalls calls;
  @Inject StorefrontSettings settings;

  /**
   * The page of {@code orderId} as the caller may see it.
   *
   * @throws ProblemException 404 when the orders service does not show the caller that order
   */
  public ComposedPage page(UUID orderId) {
    Duration waited = settings.partTimeout();
    CompletableFuture<OrderView> order = calls.submit(() -> orders.order(orderId));
    CompletableFuture<ShipmentView> shipment =
        calls.submit(() -> deliveries.shipmentOfOrder(orderId));
    ParallelCalls.awaitAll(waited, order, shipment);
    Answer<OrderView> found = Answer.of(order, ORDERS, waited);
    if (found.refused(404)) {
      throw ProblemException.notFound("Order", orderId);
    }

    Answer<ShipmentView> booked = Answer.of(shipment, DELIVERIES, waited);
    Part shipmentPart;
    if (booked.refused(404)) {
      // Not booked yet (the order is the caller's: orders said so).
      shipmentPart = Part.absent();
    } else {
      shipmentPart = booked.part(PartJson::of);
    }

    return ComposedPage.builder()
        .field("orderId", orderId.toString())
        .part("order", found.part(PartJson::of))
        .part("shipment", shipmentPart)
        .build();
  }
}
