package io.opencommerce.it.orders;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Shop.BASKETS;
import static io.opencommerce.it.support.Shop.DELIVERIES;
import static io.opencommerce.it.support.Shop.ORDERS;
import static io.opencommerce.it.support.Shop.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.deliveries.client.CarrierWebhookRequest;
import io.opencommerce.deliveries.client.ShipmentEventRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.orders.client.CancelRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The purchase flow end to end, as a customer runs it over REST against the running platform:
 * search the catalog, fill the basket, pick an address, place the order; the stock is taken, the
 * basket emptied and a shipment booked with a tracking number; the carrier's signed webhook and an
 * operator move the shipment on, and the order follows it to delivery. Also: the same {@code
 * OrderPlaced} delivered twice books one shipment, and a forged webhook is refused.
 */
class PurchaseFlowIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(30);
  private static String admin;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
  }

  private static String orderStatus(String orderId, String token) {
    return get(ORDERS + "/orders/" + orderId, token).json().getString("status");
  }

  @Test
  void aCustomerBuysAndFollowsTheOrderToDelivery() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String kettle = Shop.product(admin, "Kettle " + unique, "39.90", 10);
    String teapot = Shop.product(admin, "Teapot " + unique, "24.50", 10);

    // Browse and search the catalog, anonymously.
    var found =
        get(PRODUCTS + "/products?q=" + URLEncoder.encode(unique, StandardCharsets.UTF_8), null)
            .json();
    assertThat(found.getInt("total")).isEqualTo(2);

    // Sign up, fill the basket, add an address.
    var ada = Platform.registerAndLogin("flow");
    String token = ada.accessToken();
    String address = Shop.address(token, "Ada Flow");
    assertThat(Shop.putInBasket(token, kettle, 1).status()).isEqualTo(200);
    var basket = Shop.putInBasket(token, teapot, 2).json();
    assertThat(basket.getJsonNumber("subtotal").bigDecimalValue()).isEqualByComparingTo("88.90");

    // Place the order.
    Reply placed = Shop.checkout(token, "flow-" + unique, address);
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    JsonObject order = placed.json();
    String orderId = order.getString("id");
    assertThat(order.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("88.90");

    // The stock is taken, the basket emptied, a shipment booked.
    await()
        .atMost(EVENTUAL)
        .untilAsserted(
            () -> {
              assertThat(Shop.stock(admin, kettle)).containsExactly(9, 0);
              assertThat(Shop.stock(admin, teapot)).containsExactly(8, 0);
              assertThat(get(BASKETS + "/basket", token).json().getJsonArray("lines")).isEmpty();
            });
    JsonObject shipment = Shop.shipmentOf(orderId, token);
    String tracking = shipment.getString("trackingNumber");
    assertThat(tracking).isNotBlank();
    assertThat(shipment.getString("status")).isEqualTo("CREATED");
    assertThat(shipment.getString("estimatedDelivery")).isNotBlank();
    await()
        .atMost(EVENTUAL)
        .untilAsserted(
            () -> {
              var seen = get(ORDERS + "/orders/" + orderId, token).json();
              assertThat(seen.getJsonObject("shipment").getString("trackingNumber"))
                  .isEqualTo(tracking);
            });

    // The carrier reports the parcel in transit: the order is shipped.
    String inTransit =
        Bodies.json(
            new CarrierWebhookRequest(
                tracking, "IN_TRANSIT", null, "Paris hub", null, java.time.Instant.now()));
    Reply reported = Shop.webhook(inTransit, Shop.sign(inTransit));
    assertThat(reported.status()).as(reported.body()).isIn(200, 204);
    await().atMost(EVENTUAL).until(() -> orderStatus(orderId, token).equals("SHIPPED"));

    // An operator records the delivery: the order is delivered.
    Reply delivered =
        post(
            DELIVERIES + "/shipments/" + shipment.getString("id") + "/events",
            Bodies.json(
                new ShipmentEventRequest("DELIVERED", null, "Paris", "Left with the concierge")),
            admin);
    assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    await().atMost(EVENTUAL).until(() -> orderStatus(orderId, token).equals("DELIVERED"));

    JsonObject done = get(ORDERS + "/orders/" + orderId, token).json();
    assertThat(
            done.getJsonArray("history").stream()
                .map(JsonValue::asJsonObject)
                .map(t -> t.getString("to"))
                .toList())
        .containsExactly("PLACED", "CONFIRMED", "SHIPPED", "DELIVERED");
    post(ORDERS + "/orders/" + orderId + "/cancel", Bodies.json(new CancelRequest(null)), token)
        .assertProblem(409, "order-not-cancellable");

    // The customer follows the shipment; anyone with the number sees the journey, not the person.
    var mine = get(DELIVERIES + "/shipments/" + shipment.getString("id"), token).json();
    assertThat(mine.getString("status")).isEqualTo("DELIVERED");
    assertThat(mine.getJsonArray("events")).hasSizeGreaterThanOrEqualTo(3);
    Reply tracked = get(DELIVERIES + "/tracking/" + tracking, null);
    assertThat(tracked.status()).isEqualTo(200);
    assertThat(tracked.json().getString("status")).isEqualTo("DELIVERED");
    assertThat(tracked.body()).doesNotContain("Ada Flow", "rue de la Paix", orderId, ada.userId());

    // Others see nothing of it.
    String stranger = Platform.registerAndLogin("stranger").accessToken();
    get(DELIVERIES + "/shipments/" + shipment.getString("id"), stranger)
        .assertProblem(404, "not-found");
    get(ORDERS + "/orders/" + orderId, stranger).assertProblem(404, "not-found");
  }

  @Test
  void aForgedWebhookIsRefusedAndChangesNothing() {
    String vase = Shop.product(admin, "Vase", "15.00", 5);
    var buyer = Shop.shopper("forged", vase, 1);
    String orderId =
        Shop.checkout(buyer.token(), "forged-" + UUID.randomUUID(), buyer.addressId())
            .json()
            .getString("id");
    String tracking = Shop.shipmentOf(orderId, buyer.token()).getString("trackingNumber");

    String body = Shop.carrierReport(tracking, "DELIVERED");
    Shop.webhook(body, null).assertProblem(401, "bad-signature");
    Shop.webhook(body, "sha256=" + "0".repeat(64)).assertProblem(401, "bad-signature");
    Shop.webhook(body.replace("DELIVERED", "IN_TRANSIT"), Shop.sign(body))
        .assertProblem(401, "bad-signature");
    String unknown = Shop.carrierReport("SIM00000000000", "DELIVERED");
    assertThat(Shop.webhook(unknown, Shop.sign(unknown)).status()).isIn(400, 404);
    String badStatus = Shop.carrierReport(tracking, "LOST");
    Shop.webhook(badStatus, Shop.sign(badStatus)).assertProblem(400, "validation-failed");

    assertThat(get(DELIVERIES + "/tracking/" + tracking, null).json().getString("status"))
        .isEqualTo("CREATED");
    assertThat(orderStatus(orderId, buyer.token())).isEqualTo("CONFIRMED");
  }

  @Test
  void cancellingAnOrderStopsItsShipmentAndGivesTheUnitsBack() {
    String lamp = Shop.product(admin, "Desk lamp", "32.00", 4);
    var buyer = Shop.shopper("stop", lamp, 2);
    String orderId =
        Shop.checkout(buyer.token(), "stop-" + UUID.randomUUID(), buyer.addressId())
            .json()
            .getString("id");
    JsonObject shipment = Shop.shipmentOf(orderId, buyer.token());

    Reply cancelled =
        post(
            ORDERS + "/orders/" + orderId + "/cancel",
            Bodies.json(new CancelRequest("Found it cheaper, sorry Ada")),
            buyer.token());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    await()
        .atMost(EVENTUAL)
        .untilAsserted(
            () -> {
              assertThat(Shop.stock(admin, lamp)).containsExactly(4, 0);
              assertThat(
                      get(DELIVERIES + "/shipments/" + shipment.getString("id"), buyer.token())
                          .json()
                          .getString("status"))
                  .isEqualTo("CANCELLED");
            });
    // The public journey says the order was cancelled, not the customer's words.
    Reply tracked = get(DELIVERIES + "/tracking/" + shipment.getString("trackingNumber"), null);
    assertThat(tracked.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(tracked.body()).doesNotContain("cheaper", "Ada");
    // A cancelled parcel cannot be sent on by its carrier.
    String late = Shop.carrierReport(shipment.getString("trackingNumber"), "IN_TRANSIT");
    Shop.webhook(late, Shop.sign(late)).assertProblem(409, "illegal-transition");
    assertThat(orderStatus(orderId, buyer.token())).isEqualTo("CANCELLED");
  }

  @Test
  void theSameOrderPlacedTwiceBooksOneShipment() {
    String plant = Shop.product(admin, "Plant", "9.00", 5);
    var buyer = Shop.shopper("twice", plant, 1);
    try (EventTap tap = new EventTap("OrderPlaced.v1")) {
      String orderId =
          Shop.checkout(buyer.token(), "twice-" + UUID.randomUUID(), buyer.addressId())
              .json()
              .getString("id");
      EventTap.Message placed =
          tap.await(m -> m.payload().getString("orderId").equals(orderId), EVENTUAL).orElseThrow();
      Shop.shipmentOf(orderId, buyer.token());

      // A redelivery (same event id) and a second publication (new id) of the same order.
      Map<String, Double> skipped = duplicatesOfOrderPlaced();
      EventTap.republish(placed, placed.id());
      String again = UUID.randomUUID().toString();
      EventTap.republish(placed, again);
      // The barrier: the second publication delivered once more. Consumers of OrderPlaced read it
      // in any order, with several consumers, so a later event proves nothing about earlier ones;
      // but each pair of copies under one id counts exactly one duplicate once both are through.
      // When every consumer has counted two more, it has taken all three copies.
      EventTap.republish(placed, again);
      await()
          .atMost(EVENTUAL)
          .untilAsserted(
              () -> {
                Map<String, Double> now = duplicatesOfOrderPlaced();
                for (String service : CONSUMERS_OF_ORDER_PLACED) {
                  assertThat(now.get(service))
                      .as("OrderPlaced skipped as already handled by %s", service)
                      .isGreaterThanOrEqualTo(skipped.get(service) + 2);
                }
              });

      // One shipment still.
      assertThat(get(DELIVERIES + "/shipments?orderId=" + orderId, admin).json().getInt("total"))
          .isEqualTo(1);
      // Nor is the stock sold twice.
      assertThat(Shop.stock(admin, plant)).containsExactly(4, 0);
      assertThat(List.of(orderStatus(orderId, buyer.token()))).containsExactly("CONFIRMED");
    }
  }

  /** The services that consume OrderPlaced. */
  private static final List<String> CONSUMERS_OF_ORDER_PLACED =
      List.of("products", "baskets", "deliveries");

  /**
   * How many OrderPlaced each consumer has skipped as already handled ({@code
   * events_received_total{outcome="duplicate"}}), by service.
   */
  private static Map<String, Double> duplicatesOfOrderPlaced() {
    List<String> metrics =
        get(BASE + "/metrics", null)
            .body()
            .lines()
            .filter(l -> l.startsWith("events_received_total{"))
            .filter(l -> l.contains("type=\"OrderPlaced.v1\""))
            .filter(l -> l.contains("outcome=\"duplicate\""))
            .toList();
    Map<String, Double> counts = new TreeMap<>();
    for (String service : CONSUMERS_OF_ORDER_PLACED) {
      counts.put(
          service,
          metrics.stream()
              .filter(l -> l.contains("service=\"" + service + "\""))
              .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .sum());
    }
    return counts;
  }
}
