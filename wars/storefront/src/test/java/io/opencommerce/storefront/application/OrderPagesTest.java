package io.opencommerce.storefront.application;

import static io.opencommerce.storefront.application.Fakes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.deliveries.client.ShipmentView;
import io.opencommerce.kit.client.ParallelCalls;
import io.opencommerce.kit.client.UpstreamFailure;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.storefront.domain.ComposedPage;
import io.opencommerce.storefront.infrastructure.DeliveriesService;
import io.opencommerce.storefront.infrastructure.OrdersService;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderPagesTest {
  private final UUID customer = UUID.randomUUID();
  private final UUID orderId = UUID.randomUUID();
  private final UUID shipmentId = UUID.randomUUID();
  private final AtomicReference<UUID> shipmentAsked = new AtomicReference<>();
  private ExecutorService pool;
  private OrderPages pages;

  private Function<UUID, OrderView> orders;
  private Function<UUID, ShipmentView> deliveries;

  @BeforeEach
  void setUp() {
    pool = Executors.newFixedThreadPool(2);
    orders =
        id ->
            Fakes.order(
                id,
                customer,
                new OrderView.Shipment(shipmentId, "simulated", "SIM0000000001", "CREATED", null));
    deliveries = order -> Fakes.shipment(shipmentId, order, customer);
    pages = new OrderPages();
    pages.orders =
        new OrdersService() {
          @Override
          public OrderView order(UUID id) {
            return orders.apply(id);
          }
        };
    pages.deliveries =
        new DeliveriesService() {
          @Override
          public ShipmentView shipmentOfOrder(UUID order) {
            shipmentAsked.set(order);
            return deliveries.apply(order);
          }
        };
    pages.calls = ParallelCalls.on(pool);
    pages.settings = StorefrontSettings.defaults();
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void anOrderComesWithItsShipmentAndJourney() {
    ComposedPage page = pages.page(orderId);

    assertThat(page.complete()).isTrue();
    JsonObject body = json(page.json());
    assertThat(body.getString("orderId")).isEqualTo(orderId.toString());
    JsonObject order = body.getJsonObject("order");
    assertThat(order.getString("status")).isEqualTo("ok");
    assertThat(order.getJsonObject("data").getString("number")).isEqualTo("OC-0000000001");
    JsonObject shipment = body.getJsonObject("shipment").getJsonObject("data");
    assertThat(shipment.getString("trackingNumber")).isEqualTo("SIM0000000001");
    assertThat(shipment.getJsonArray("events")).hasSize(1);
    assertThat(shipmentAsked).as("asked by the order, beside it").hasValue(orderId);
  }

  @Test
  void anOrderTheOrdersServiceDoesNotShowTheCallerIsNotFound() {
    orders =
        id -> {
          throw ProblemException.answeredBy(
              404, "not-found", "Not found", "Order " + id + " does not exist.", List.of());
        };

    assertThatThrownBy(() -> pages.page(orderId))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void anOrderWithoutAShipmentYetShowsNone() {
    orders = id -> Fakes.order(id, customer, null);
    deliveries =
        order -> {
          throw ProblemException.answeredBy(
              404,
              "not-found",
              "Not found",
              "Shipment of order " + order + " does not exist.",
              List.of());
        };

    ComposedPage page = pages.page(orderId);

    assertThat(page.complete()).isTrue();
    JsonObject shipment = json(page.json()).getJsonObject("shipment");
    assertThat(shipment.getString("status")).isEqualTo("ok");
    assertThat(shipment.get("data")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void deliveriesDownLeavesTheOrderShown() {
    deliveries =
        id -> {
          throw new UpstreamFailure("deliveries", "timed out", null);
        };

    ComposedPage page = pages.page(orderId);

    assertThat(page.complete()).isFalse();
    JsonObject body = json(page.json());
    assertThat(body.getJsonObject("order").getString("status")).isEqualTo("ok");
    JsonObject shipment = body.getJsonObject("shipment");
    assertThat(shipment.getString("status")).isEqualTo("unavailable");
    assertThat(shipment.getJsonObject("problem").getString("service")).isEqualTo("deliveries");
  }

  @Test
  void ordersDownIsAPageWithNothingToShowNotAnError() {
    orders =
        id -> {
          throw new UpstreamFailure("orders", "503 server-error", null);
        };

    JsonObject body = json(pages.page(orderId).json());

    assertThat(body.getJsonObject("order").getString("status")).isEqualTo("unavailable");
    assertThat(body.getJsonObject("order").getJsonObject("problem").getInt("status"))
        .isEqualTo(503);
    // The shipment is the caller's as the deliveries service decides: it is shown all the same.
    assertThat(body.getJsonObject("shipment").getString("status")).isEqualTo("ok");
  }

  @Test
  void aNotFoundThatIsNoProblemOfTheOrdersServiceIsNoMissingOrder() {
    // A server's own error page in front of the service (not deployed, wrong URL): not an answer.
    orders =
        id -> {
          throw ProblemException.answeredBy(
              404, "upstream-error", "Upstream error", "A service answered 404.", null);
        };

    JsonObject body = json(pages.page(orderId).json());

    assertThat(body.getJsonObject("order").getString("status")).isEqualTo("unavailable");
  }
}
