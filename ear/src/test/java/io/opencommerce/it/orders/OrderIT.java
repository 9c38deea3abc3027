package io.opencommerce.it.orders;

import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static io.opencommerce.it.support.Shop.BASKETS;
import static io.opencommerce.it.support.Shop.DELIVERIES;
import static io.opencommerce.it.support.Shop.ORDERS;
import static io.opencommerce.it.support.Shop.PRODUCTS;
import static io.opencommerce.it.support.Shop.checkout;
import static io.opencommerce.it.support.Shop.shopper;
import static io.opencommerce.it.support.Shop.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.contracts.products.ProductChanged;
import io.opencommerce.deliveries.client.ShipmentEventRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.it.support.Shop.Shopper;
import io.opencommerce.orders.client.CancelRequest;
import io.opencommerce.orders.client.StatusChangeRequest;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.StockRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkout and the order's life: the basket becomes an order at the basket's prices, the stock is
 * sold and the basket emptied by {@code OrderPlaced}; a replayed or concurrent checkout makes one
 * order; racing buyers never oversell; cancelling gives the units back; customers see only their
 * own orders; bad input changes nothing.
 */
class OrderIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(30);
  private static String admin;
  private static ExecutorService pool;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void tearDown() {
    pool.shutdownNow();
  }

  private static String key() {
    return "it-" + UUID.randomUUID();
  }

  private static JsonObject awaitOnHand(String product, int onHand, int reserved) {
    await()
        .atMost(EVENTUAL)
        .untilAsserted(() -> assertThat(stock(admin, product)).containsExactly(onHand, reserved));
    return get(PRODUCTS + "/products/" + product + "/stock", admin).json();
  }

  private static List<String> statuses(JsonObject order) {
    return order.getJsonArray("history").stream()
        .map(JsonValue::asJsonObject)
        .map(t -> t.getString("to"))
        .toList();
  }

  @Test
  void checkoutSnapshotsTheBasketSellsTheStockAndEmptiesTheBasket() {
    String lamp = Shop.product(admin, "Lamp", "24.90", 5);
    Shopper ada = shopper("checkout", lamp, 2);

    Reply placed = checkout(ada.token(), key(), ada.addressId());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(placed.raw().headers().firstValue("Location")).isPresent();
    JsonObject order = placed.json();
    assertThat(order.getString("number")).matches("OC-[0-9A-Z]{10}");
    assertThat(order.getString("status")).isEqualTo("CONFIRMED");
    assertThat(statuses(order)).containsExactly("PLACED", "CONFIRMED");
    assertThat(order.getJsonObject("payment").getString("status")).isEqualTo("NOT_REQUIRED");
    assertThat(order.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("49.80");
    assertThat(order.getString("currency")).isEqualTo("EUR");
    assertThat(order.getJsonObject("shippingAddress").getString("postalCode")).isEqualTo("75002");
    assertThat(order.getJsonObject("billingAddress").getString("city")).isEqualTo("Paris");

    // OrderPlaced: the reserved units are sold and the basket is emptied.
    awaitOnHand(lamp, 3, 0);
    await()
        .atMost(EVENTUAL)
        .untilAsserted(
            () ->
                assertThat(get(BASKETS + "/basket", ada.token()).json().getJsonArray("lines"))
                    .isEmpty());

    // The order keeps the price it was sold at.
    String sku = order.getJsonArray("lines").getJsonObject(0).getString("sku");
    send(
        "PUT",
        PRODUCTS + "/products/" + lamp,
        Bodies.json(Shop.productRequest(sku, "Lamp", "99.00")),
        admin);
    JsonObject again = get(ORDERS + "/orders/" + order.getString("id"), ada.token()).json();
    assertThat(again.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("49.80");
  }

  @Test
  void aPriceThatMovedSinceTheBasketWasShownOrdersNothing() {
    String kettle = Shop.product(admin, "Kettle", "39.00", 4);
    Shopper ada = shopper("repriced", kettle, 1);
    JsonObject product = get(PRODUCTS + "/products/" + kettle, null).json();

    // The basket still shows an older price: its read model heard of a change the catalogue has
    // not made (the same state as a price change whose event has not reached baskets yet).
    EventTap.publish(
        new ProductChanged(
            UUID.fromString(kettle),
            product.getString("sku"),
            ProductChanged.UPDATED,
            "Kettle",
            new BigDecimal("35.00"),
            "EUR",
            true,
            product.getJsonNumber("version").longValue() + 1));
    await()
        .atMost(EVENTUAL)
        .until(
            () ->
                get(BASKETS + "/basket", ada.token())
                        .json()
                        .getJsonArray("lines")
                        .getJsonObject(0)
                        .getJsonNumber("unitPrice")
                        .doubleValue()
                    == 35.00);

    Reply refused = checkout(ada.token(), key(), ada.addressId());
    refused.assertProblem(409, "prices-changed");
    JsonObject repriced = refused.json().getJsonObject("basket");
    assertThat(
            repriced
                .getJsonArray("lines")
                .getJsonObject(0)
                .getJsonNumber("unitPrice")
                .doubleValue())
        .isEqualTo(39.00);
    assertThat(repriced.getJsonNumber("subtotal").doubleValue()).isEqualTo(39.00);
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("basket." + kettle);
    // Nothing held, nothing ordered.
    assertThat(stock(admin, kettle)).containsExactly(4, 0);
    assertThat(get(ORDERS + "/orders", ada.token()).json().getInt("total")).isZero();
  }

  @Test
  void aCustomerCannotHoldOrReleaseStockAroundTheirCheckout() {
    String clock = Shop.product(admin, "Clock", "15.00", 3);
    Shopper ada = shopper("no-stock-games", clock, 2);
    String hold =
        Bodies.json(
            new ReservationRequest(
                UUID.fromString(ada.session().userId()),
                List.of(new ReservationRequest.Line(UUID.fromString(clock), 2, null, null)),
                null,
                null));

    // The reservation a checkout would make, made in advance by the customer: refused.
    post(PRODUCTS + "/reservations", hold, ada.token()).assertProblem(403, null);
    assertThat(stock(admin, clock)).containsExactly(3, 0);

    Reply placed = checkout(ada.token(), key(), ada.addressId());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    // The order's units are really held, then sold: an order never ships with nothing behind it.
    awaitOnHand(clock, 1, 0);
    assertThat(get(PRODUCTS + "/products/" + clock + "/stock", null).json().getInt("available"))
        .isEqualTo(1);
  }

  @Test
  void aReplayedCheckoutAnswersTheSameOrder() throws Exception {
    String mug = Shop.product(admin, "Mug", "8.00", 20);
    Shopper bob = shopper("replay", mug, 3);
    String key = key();

    // Concurrent: five tries at once, one order.
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reply>> tries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tries.add(
          pool.submit(
              () -> {
                start.await();
                return checkout(bob.token(), key, bob.addressId());
              }));
    }
    start.countDown();
    List<Reply> replies = new ArrayList<>();
    for (Future<Reply> reply : tries) {
      replies.add(reply.get());
    }
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
    assertThat(replies.stream().map(r -> r.json().getString("id")).distinct()).hasSize(1);
    assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);

    // Later: the same answer again, and nothing more sold.
    Reply replay = checkout(bob.token(), key, bob.addressId());
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().getString("id")).isEqualTo(replies.get(0).json().getString("id"));
    awaitOnHand(mug, 17, 0);
    assertThat(get(ORDERS + "/orders", bob.token()).json().getInt("total")).isEqualTo(1);
  }

  @Test
  void racingBuyersBuyExactlyTheUnitsThereAre() throws Exception {
    String scarce = Shop.product(admin, "Print", "30.00", 3);
    List<Shopper> buyers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      buyers.add(shopper("race" + i, scarce, 1));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reply>> tries = new ArrayList<>();
    for (Shopper buyer : buyers) {
      Callable<Reply> attempt =
          () -> {
            start.await();
            return checkout(buyer.token(), key(), buyer.addressId());
          };
      tries.add(pool.submit(attempt));
    }
    start.countDown();
    int sold = 0;
    for (Future<Reply> attempt : tries) {
      Reply reply = attempt.get();
      if (reply.status() == 201) {
        sold++;
      } else {
        // Refused by the reservation, or earlier: the basket already shows the product sold out.
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.json().getString("code")).isIn("insufficient-stock", "basket-not-ready");
      }
    }
    assertThat(sold).isEqualTo(3);
    awaitOnHand(scarce, 0, 0);
  }

  @Test
  void cancellingGivesTheUnitsBack() {
    String chair = Shop.product(admin, "Chair", "55.00", 5);
    Shopper cleo = shopper("cancel", chair, 2);
    JsonObject order = checkout(cleo.token(), key(), cleo.addressId()).json();
    String url = ORDERS + "/orders/" + order.getString("id");
    awaitOnHand(chair, 3, 0);

    Reply cancelled =
        post(url + "/cancel", Bodies.json(new CancelRequest("changed my mind")), cleo.token());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(statuses(cancelled.json())).containsExactly("PLACED", "CONFIRMED", "CANCELLED");
    JsonObject last = cancelled.json().getJsonArray("history").getJsonObject(2).asJsonObject();
    assertThat(last.getString("reason")).isEqualTo("changed my mind");
    awaitOnHand(chair, 5, 0);

    // Again: nothing more happens; and a cancelled order goes nowhere.
    assertThat(
            post(url + "/cancel", Bodies.json(new CancelRequest(null)), cleo.token())
                .json()
                .getString("status"))
        .isEqualTo("CANCELLED");
    post(url + "/status", Bodies.json(new StatusChangeRequest("SHIPPED", null)), admin)
        .assertProblem(409, "invalid-transition");
    assertThat(stock(admin, chair)).containsExactly(5, 0);
  }

  @Test
  void anOrderWhoseParcelHasLeftCannotBeCancelled() {
    String desk = Shop.product(admin, "Desk", "120.00", 4);
    Shopper dan = shopper("parcel-left", desk, 1);
    JsonObject order = checkout(dan.token(), key(), dan.addressId()).json();
    String orderId = order.getString("id");
    String url = ORDERS + "/orders/" + orderId;
    awaitOnHand(desk, 3, 0);
    JsonObject shipment = Shop.shipmentOf(orderId, dan.token());
    Reply left =
        post(
            DELIVERIES + "/shipments/" + shipment.getString("id") + "/events",
            Bodies.json(new ShipmentEventRequest("IN_TRANSIT", null, "Hub", null)),
            admin);
    assertThat(left.status()).as(left.body()).isEqualTo(200);

    // Deliveries, which owns the shipment, refuses to stop a parcel on its way, whatever the
    // order has heard so far; only services may ask it.
    String stop = DELIVERIES + "/orders/" + orderId + "/shipment-cancellation";
    post(stop, "", Platform.serviceToken("orders")).assertProblem(409, "parcel-left");
    post(stop, "", dan.token()).assertProblem(403, "forbidden");
    post(stop, "", admin).assertProblem(403, "forbidden");

    // The customer's and the administrator's cancellations are refused, saying why; the units
    // stay sold and the shipment goes on.
    Reply refused = post(url + "/cancel", Bodies.json(new CancelRequest(null)), dan.token());
    refused.assertProblem(409, "order-not-cancellable");
    assertThat(refused.json().getString("detail")).containsAnyOf("has left", "SHIPPED");
    post(url + "/status", Bodies.json(new StatusChangeRequest("CANCELLED", null)), admin)
        .assertProblem(409, "order-not-cancellable");
    assertThat(get(url, dan.token()).json().getString("status")).isNotEqualTo("CANCELLED");
    assertThat(stock(admin, desk)).containsExactly(3, 0);
    assertThat(
            get(DELIVERIES + "/shipments/" + shipment.getString("id"), dan.token())
                .json()
                .getString("status"))
        .isEqualTo("IN_TRANSIT");
  }

  @Test
  void cancellingStopsTheShipmentBeforeItLeaves() {
    String stool = Shop.product(admin, "Stool", "35.00", 4);
    Shopper eve = shopper("stop-parcel", stool, 1);
    JsonObject order = checkout(eve.token(), key(), eve.addressId()).json();
    String orderId = order.getString("id");
    JsonObject shipment = Shop.shipmentOf(orderId, eve.token());

    Reply cancelled =
        post(
            ORDERS + "/orders/" + orderId + "/cancel",
            Bodies.json(new CancelRequest(null)),
            eve.token());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    // The shipment was stopped before the order was cancelled: no event needed to see it.
    assertThat(
            get(DELIVERIES + "/shipments/" + shipment.getString("id"), eve.token())
                .json()
                .getString("status"))
        .isEqualTo("CANCELLED");
    awaitOnHand(stool, 4, 0);
  }

  @Test
  void customersSeeOnlyTheirOwnOrders() {
    String book = Shop.product(admin, "Book", "12.00", 10);
    Shopper owner = shopper("owner", book, 1);
    Shopper other = shopper("other", book, 1);
    JsonObject order = checkout(owner.token(), key(), owner.addressId()).json();
    String url = ORDERS + "/orders/" + order.getString("id");

    get(url, other.token()).assertProblem(404, "not-found");
    post(url + "/cancel", Bodies.json(new CancelRequest(null)), other.token())
        .assertProblem(404, "not-found");
    get(ORDERS + "/orders?customerId=" + owner.session().userId(), other.token())
        .assertProblem(403, "forbidden");
    assertThat(get(ORDERS + "/orders", other.token()).json().getInt("total")).isZero();
    // Another customer's address cannot be the shipping address: nothing is ordered.
    checkout(other.token(), key(), owner.addressId()).assertProblem(400, "validation-failed");
    assertThat(get(ORDERS + "/orders", other.token()).json().getInt("total")).isZero();

    assertThat(get(url, owner.token()).status()).isEqualTo(200);
    assertThat(get(url, admin).status()).isEqualTo(200);
    var mine = get(ORDERS + "/orders?status=CONFIRMED", owner.token()).json();
    assertThat(mine.getInt("total")).isEqualTo(1);
    var all =
        get(ORDERS + "/orders?customerId=" + owner.session().userId() + "&from=2020-01-01", admin)
            .json();
    assertThat(all.getInt("total")).isEqualTo(1);
    assertThat(get(ORDERS + "/orders?to=2020-01-01", admin).json().getInt("total")).isZero();
    assertThat(get(ORDERS + "/orders", null).status()).isEqualTo(401);
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    String pen = Shop.product(admin, "Pen", "2.50", 10);
    Shopper dan = shopper("bad", pen, 2);
    String token = dan.token();

    checkout(token, null, dan.addressId()).assertProblem(400, "validation-failed");
    checkout(token, "not a key!", dan.addressId()).assertProblem(400, "validation-failed");
    // Deliberately not a UUID, which no CheckoutRequest can carry.
    Shop.sendCheckout(token, key(), "{\"shippingAddressId\":\"not-a-uuid\"}")
        .assertProblem(400, "malformed-json");
    checkout(token, key(), UUID.randomUUID().toString()).assertProblem(400, "validation-failed");
    send(HttpRequest.newBuilder(URI.create(ORDERS + "/orders"))
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", key())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build())
        .assertProblem(400, "malformed-json");
    send(HttpRequest.newBuilder(URI.create(ORDERS + "/orders"))
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", key())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"shippingAddressId\":\"" + "x".repeat(100_000) + "\"}"))
            .build())
        .assertProblem(413, "payload-too-large");
    get(ORDERS + "/orders?status=LOST", token).assertProblem(400, "validation-failed");
    get(ORDERS + "/orders?from=yesterday", token).assertProblem(400, "validation-failed");
    get(ORDERS + "/orders?from=2026-02-30", token).assertProblem(400, "validation-failed");
    get(ORDERS + "/orders?limit=-1", token).assertProblem(400, "validation-failed");
    get(ORDERS + "/orders/" + UUID.randomUUID(), token).assertProblem(404, "not-found");
    post(
            ORDERS + "/orders/" + UUID.randomUUID() + "/status",
            Bodies.json(new StatusChangeRequest("SHIPPED", null)),
            token)
        .assertProblem(403, "forbidden");
    post(
            ORDERS + "/orders/" + UUID.randomUUID() + "/status",
            Bodies.json(new StatusChangeRequest("LOST", null)),
            admin)
        .assertProblem(400, "validation-failed");

    // A basket with nothing buyable in it cannot be checked out.
    send("PUT", PRODUCTS + "/products/" + pen + "/stock", Bodies.json(new StockRequest(1)), admin);
    await()
        .atMost(EVENTUAL)
        .until(
            () ->
                "out-of-stock"
                    .equals(
                        get(BASKETS + "/basket", token)
                            .json()
                            .getJsonArray("lines")
                            .getJsonObject(0)
                            .getString("status")));
    checkout(token, key(), dan.addressId()).assertProblem(409, "basket-not-ready");
    send("DELETE", BASKETS + "/basket/items", null, token);
    checkout(token, key(), dan.addressId()).assertProblem(409, "basket-empty");

    assertThat(get(ORDERS + "/orders", token).json().getInt("total")).isZero();
    assertThat(stock(admin, pen)).containsExactly(1, 0);
  }
}
