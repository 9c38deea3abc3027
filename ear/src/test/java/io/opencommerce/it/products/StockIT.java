package io.opencommerce.it.products;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.contracts.orders.OrderLine;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.StockRequest;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stock and reservations: no oversell when buyers race for the last units, idempotent reservations,
 * commit and release, expiry, stock for services only (customers get 403, one service cannot touch
 * another's reservations), and bad input that holds nothing. Reservations are made as the orders
 * service makes them: with its service token, for a customer named in the body.
 */
class StockIT {
  private static final String API = BASE + "/products/api";
  private static String admin;
  private static String buyer;
  private static String customerId;
  private static String service;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
    Platform.Session session = Platform.registerAndLogin("buyer");
    buyer = session.accessToken();
    customerId = session.userId();
    service = Platform.serviceToken("orders");
  }

  private static String productWithStock(int onHand) {
    String sku = "ST-" + UUID.randomUUID().toString().substring(0, 13);
    var created =
        post(
            API + "/products",
            Bodies.json(Shop.productRequest(sku, "Stocked " + sku, "9.99")),
            admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    var counted = send("PUT", API + "/products/" + id + "/stock", stock(onHand), admin);
    assertThat(counted.status()).as(counted.body()).isEqualTo(200);
    return id;
  }

  private static String stock(int onHand) {
    return Bodies.json(new StockRequest(onHand));
  }

  private static ReservationRequest.Line line(String productId, int quantity) {
    return new ReservationRequest.Line(UUID.fromString(productId), quantity, null, null);
  }

  private static String lines(String productId, int quantity) {
    return hold(null, line(productId, quantity));
  }

  /**
   * A reservation body for the test's customer, held for {@code holdSeconds} (null: the default).
   */
  private static String hold(Integer holdSeconds, ReservationRequest.Line... lines) {
    return Bodies.json(
        new ReservationRequest(UUID.fromString(customerId), List.of(lines), null, holdSeconds));
  }

  private static Reply reserve(String body, String token, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(API + "/reservations"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return Platform.send(request.build());
  }

  private static int available(String productId) {
    return get(API + "/products/" + productId + "/stock", null).json().getInt("available");
  }

  @Test
  void buyersRacingForTheLastUnitsGetExactlyThem() throws Exception {
    String product = productWithStock(5);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Integer>> attempts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      attempts.add(pool.submit(() -> reserve(lines(product, 1), service, null).status()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> attempt : attempts) {
      statuses.add(attempt.get());
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
    assertThat(available(product)).isZero();
    var admins = get(API + "/products/" + product + "/stock", admin).json();
    assertThat(admins.getInt("onHand")).isEqualTo(5);
    assertThat(admins.getInt("reserved")).isEqualTo(5);
  }

  @Test
  void theSameIdempotencyKeyHoldsOnceEvenWhenSentConcurrently() throws Exception {
    String product = productWithStock(10);
    String key = "checkout-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Reply>> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attempts.add(pool.submit(() -> reserve(lines(product, 3), service, key)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<Reply> attempt : attempts) {
      Reply reply = attempt.get();
      assertThat(reply.status()).as(reply.body()).isIn(200, 201);
      ids.add(reply.json().getString("id"));
    }
    pool.shutdown();
    assertThat(ids).containsOnly(ids.get(0));
    assertThat(available(product)).isEqualTo(7);
    assertThat(reserve(lines(product, 3), service, key).status()).isEqualTo(200);
    assertThat(available(product)).isEqualTo(7);
  }

  @Test
  void committingSellsAndReleasingGivesBack() {
    String product = productWithStock(4);
    try (EventTap tap = new EventTap("StockReserved.v1", "StockCommitted.v1", "StockReleased.v1")) {
      String sold = reserve(lines(product, 3), service, null).json().getString("id");
      var commit = post(API + "/reservations/" + sold + "/commit", null, service);
      assertThat(commit.json().getString("status")).isEqualTo("COMMITTED");
      var admins = get(API + "/products/" + product + "/stock", admin).json();
      assertThat(admins.getInt("onHand")).isEqualTo(1);
      assertThat(admins.getInt("reserved")).isZero();

      String given = reserve(lines(product, 1), service, null).json().getString("id");
      assertThat(available(product)).isZero();
      assertThat(
              post(API + "/reservations/" + given + "/release", null, service)
                  .json()
                  .getString("status"))
          .isEqualTo("RELEASED");
      assertThat(available(product)).isEqualTo(1);

      post(API + "/reservations/" + sold + "/release", null, service)
          .assertProblem(409, "reservation-committed");
      post(API + "/reservations/" + given + "/commit", null, service)
          .assertProblem(409, "reservation-not-held");

      for (String type : List.of("StockReserved", "StockCommitted", "StockReleased")) {
        assertThat(
                tap.await(
                    m -> type.equals(m.type()) && m.payload().toString().contains(product),
                    Duration.ofSeconds(20)))
            .as(type)
            .isPresent();
      }
    }
  }

  @Test
  void expiredReservationsGiveTheirUnitsBack() {
    String product = productWithStock(2);
    var held = reserve(hold(1, line(product, 2)), service, null);
    assertThat(held.status()).isEqualTo(201);
    assertThat(available(product)).isZero();
    String id = held.json().getString("id");
    await().atMost(Duration.ofSeconds(20)).until(() -> available(product) == 2);
    assertThat(get(API + "/reservations/" + id, service).json().getString("status"))
        .isEqualTo("EXPIRED");
    post(API + "/reservations/" + id + "/commit", null, service)
        .assertProblem(409, "reservation-not-held");
  }

  @Test
  void anOrderWhoseReservationExpiredIsSoldWhileUnitsRemain() {
    String product = productWithStock(3);
    String id = reserve(hold(1, line(product, 2)), service, null).json().getString("id");
    await().atMost(Duration.ofSeconds(20)).until(() -> available(product) == 3);

    // The order's event arrives late (the products service was away meanwhile).
    EventTap.publish(
        new OrderPlaced(
            UUID.randomUUID(),
            "OC-LATE",
            UUID.randomUUID(),
            UUID.fromString(id),
            List.of(
                new OrderLine(UUID.fromString(product), "LATE", "Late", 2, new BigDecimal("1.00"))),
            new BigDecimal("2.00"),
            "EUR",
            new PostalAddress("Late", null, "1 rue", null, "75001", "Paris", null, "FR", null),
            Instant.now()));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var stock = get(API + "/products/" + product + "/stock", admin).json();
              assertThat(stock.getInt("onHand")).isEqualTo(1);
              assertThat(stock.getInt("reserved")).isZero();
            });
    assertThat(get(API + "/reservations/" + id, service).json().getString("status"))
        .isEqualTo("COMMITTED");
  }

  @Test
  void aMultiLineReservationIsAllOrNothing() {
    String plenty = productWithStock(10);
    String scarce = productWithStock(1);
    String both = hold(null, line(plenty, 2), line(scarce, 2));
    reserve(both, service, null).assertProblem(409, "insufficient-stock");
    assertThat(available(plenty)).isEqualTo(10);
    assertThat(available(scarce)).isEqualTo(1);
  }

  @Test
  void stockIsForServicesNotCustomers() {
    String product = productWithStock(3);
    String held = reserve(lines(product, 1), service, null).json().getString("id");

    // A customer (or an agent) can neither hold units nor touch a hold, not even one made for them.
    reserve(lines(product, 1), buyer, null).assertProblem(403, null);
    reserve(lines(product, 1), buyer, "order-" + UUID.randomUUID()).assertProblem(403, null);
    get(API + "/reservations/" + held, buyer).assertProblem(403, null);
    post(API + "/reservations/" + held + "/commit", null, buyer).assertProblem(403, null);
    post(API + "/reservations/" + held + "/release", null, buyer).assertProblem(403, null);
    reserve(lines(product, 1), null, null).assertProblem(401, null);
    assertThat(available(product)).isEqualTo(2);

    // Another service's token finds nothing: a reservation belongs to the service that made it.
    String deliveries = Platform.serviceToken("deliveries");
    get(API + "/reservations/" + held, deliveries).assertProblem(404, "not-found");
    post(API + "/reservations/" + held + "/commit", null, deliveries)
        .assertProblem(404, "not-found");
    post(API + "/reservations/" + held + "/release", null, deliveries)
        .assertProblem(404, "not-found");
    // ...and its idempotency keys are its own: the same key holds anew for another service.
    String key = "shared-" + UUID.randomUUID();
    String first = reserve(lines(product, 1), service, key).json().getString("id");
    Reply second = reserve(lines(product, 1), deliveries, key);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().getString("id")).isNotEqualTo(first);
    assertThat(available(product)).isZero();

    // Administrators may look and give units back; the answer names the customer.
    var seen = get(API + "/reservations/" + held, admin);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().getString("customerId")).isEqualTo(customerId);
    assertThat(
            post(API + "/reservations/" + held + "/release", null, admin)
                .json()
                .getString("status"))
        .isEqualTo("RELEASED");
    post(API + "/reservations/" + first + "/commit", null, admin).assertProblem(403, null);
  }

  @Test
  void aHoldAtAPriceThatMovedHoldsNothing() {
    String product = productWithStock(5);
    Reply moved =
        reserve(
            hold(
                null,
                new ReservationRequest.Line(
                    UUID.fromString(product), 2, new BigDecimal("8.50"), "EUR")),
            service,
            null);
    moved.assertProblem(409, "prices-changed");
    assertThat(
            moved
                .json()
                .getJsonArray("prices")
                .getJsonObject(0)
                .getJsonNumber("unitPrice")
                .doubleValue())
        .isEqualTo(9.99);
    assertThat(available(product)).isEqualTo(5);

    Reply held =
        reserve(
            hold(
                null,
                new ReservationRequest.Line(
                    UUID.fromString(product), 2, new BigDecimal("9.99"), "EUR")),
            service,
            null);
    assertThat(held.status()).as(held.body()).isEqualTo(201);
    assertThat(
            held.json()
                .getJsonArray("lines")
                .getJsonObject(0)
                .getJsonNumber("unitPrice")
                .doubleValue())
        .isEqualTo(9.99);
    // A price without its currency (or the reverse) is a bad request, not a guess.
    reserve(
            hold(
                null,
                new ReservationRequest.Line(
                    UUID.fromString(product), 1, new BigDecimal("9.99"), null)),
            service,
            null)
        .assertProblem(400, "validation-failed");
    assertThat(available(product)).isEqualTo(3);
  }

  @Test
  void badInputHoldsNothing() {
    String product = productWithStock(5);
    reserve(lines(product, 0), service, null).assertProblem(400, "validation-failed");
    reserve(lines(product, -3), service, null).assertProblem(400, "validation-failed");
    reserve(hold(null), service, null).assertProblem(400, "validation-failed");
    reserve(
            Bodies.json(new ReservationRequest(null, List.of(line(product, 1)), null, null)),
            service,
            null)
        .assertProblem(400, "validation-failed"); // no customer
    reserve(lines(UUID.randomUUID().toString(), 1), service, null).assertProblem(404, "not-found");
    reserve(lines(product, 1), service, "bad key with spaces")
        .assertProblem(400, "validation-failed");
    // Deliberately not a UUID, which no ReservationRequest can carry.
    String notAUuid =
        Json.createObjectBuilder()
            .add("customerId", customerId)
            .add(
                "lines",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("productId", "nope").add("quantity", 1)))
            .build()
            .toString();
    reserve(notAUuid, service, null).assertProblem(400, "malformed-json");
    send("PUT", API + "/products/" + product + "/stock", stock(-1), admin)
        .assertProblem(400, "validation-failed");
    send("PUT", API + "/products/" + product + "/stock", stock(1), buyer)
        .assertProblem(403, "forbidden");
    assertThat(available(product)).isEqualTo(5);

    reserve(lines(product, 4), service, null);
    send("PUT", API + "/products/" + product + "/stock", stock(3), admin)
        .assertProblem(409, "below-reserved");
    assertThat(available(product)).isEqualTo(1);
  }

  @Test
  void theListingCanShowOnlyWhatIsInStock() {
    String stocked = productWithStock(1);
    String empty = productWithStock(0);
    var page = get(API + "/products?inStock=true&limit=100&sort=newest", null).json();
    List<String> ids =
        page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
    assertThat(ids).contains(stocked).doesNotContain(empty);
  }
}
