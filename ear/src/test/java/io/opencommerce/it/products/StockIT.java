package io.opencommerce.it.products;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
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
 * commit and release, expiry, ownership, and bad input that holds nothing.
 */
class StockIT {
  private static final String API = BASE + "/products/api";
  private static String admin;
  private static String buyer;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
    buyer = Platform.registerAndLogin("buyer").accessToken();
  }

  private static String productWithStock(int onHand) {
    String sku = "ST-" + UUID.randomUUID().toString().substring(0, 13);
    var created =
        post(
            API + "/products",
            "{\"sku\":\""
                + sku
                + "\",\"name\":\"Stocked "
                + sku
                + "\",\"price\":9.99,\"currency\":\"EUR\"}",
            admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    var counted =
        send("PUT", API + "/products/" + id + "/stock", "{\"onHand\":" + onHand + "}", admin);
    assertThat(counted.status()).as(counted.body()).isEqualTo(200);
    return id;
  }

  private static String lines(String productId, int quantity) {
    return "{\"lines\":[{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}]}";
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
      attempts.add(pool.submit(() -> reserve(lines(product, 1), buyer, null).status()));
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
      attempts.add(pool.submit(() -> reserve(lines(product, 3), buyer, key)));
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
    assertThat(reserve(lines(product, 3), buyer, key).status()).isEqualTo(200);
    assertThat(available(product)).isEqualTo(7);
  }

  @Test
  void committingSellsAndReleasingGivesBack() {
    String product = productWithStock(4);
    try (EventTap tap = new EventTap("StockReserved.v1", "StockCommitted.v1", "StockReleased.v1")) {
      String sold = reserve(lines(product, 3), buyer, null).json().getString("id");
      var commit = post(API + "/reservations/" + sold + "/commit", null, buyer);
      assertThat(commit.json().getString("status")).isEqualTo("COMMITTED");
      var admins = get(API + "/products/" + product + "/stock", admin).json();
      assertThat(admins.getInt("onHand")).isEqualTo(1);
      assertThat(admins.getInt("reserved")).isZero();

      String given = reserve(lines(product, 1), buyer, null).json().getString("id");
      assertThat(available(product)).isZero();
      assertThat(
              post(API + "/reservations/" + given + "/release", null, buyer)
                  .json()
                  .getString("status"))
          .isEqualTo("RELEASED");
      assertThat(available(product)).isEqualTo(1);

      post(API + "/reservations/" + sold + "/release", null, buyer)
          .assertProblem(409, "reservation-committed");
      post(API + "/reservations/" + given + "/commit", null, buyer)
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
    var held =
        reserve(
            "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":2}],\"holdSeconds\":1}",
            buyer,
            null);
    assertThat(held.status()).isEqualTo(201);
    assertThat(available(product)).isZero();
    String id = held.json().getString("id");
    await().atMost(Duration.ofSeconds(20)).until(() -> available(product) == 2);
    assertThat(get(API + "/reservations/" + id, buyer).json().getString("status"))
        .isEqualTo("EXPIRED");
    post(API + "/reservations/" + id + "/commit", null, buyer)
        .assertProblem(409, "reservation-not-held");
  }

  @Test
  void anOrderWhoseReservationExpiredIsSoldWhileUnitsRemain() {
    String product = productWithStock(3);
    String id =
        reserve(
                "{\"lines\":[{\"productId\":\""
                    + product
                    + "\",\"quantity\":2}],\"holdSeconds\":1}",
                buyer,
                null)
            .json()
            .getString("id");
    await().atMost(Duration.ofSeconds(20)).until(() -> available(product) == 3);

    // The order's event arrives late (the products service was away meanwhile).
    EventTap.publish(
        "OrderPlaced",
        "{\"orderId\":\""
            + UUID.randomUUID()
            + "\",\"number\":\"OC-LATE\",\"customerId\":\""
            + UUID.randomUUID()
            + "\",\"reservationId\":\""
            + id
            + "\",\"lines\":[{\"productId\":\""
            + product
            + "\",\"sku\":\"LATE\",\"name\":\"Late\",\"quantity\":2,\"unitPrice\":1.00}],"
            + "\"total\":2.00,\"currency\":\"EUR\",\"shippingAddress\":{\"recipient\":\"Late\","
            + "\"line1\":\"1 rue\",\"postalCode\":\"75001\",\"city\":\"Paris\",\"country\":\"FR\"},"
            + "\"placedAt\":\""
            + java.time.Instant.now()
            + "\"}");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              var stock = get(API + "/products/" + product + "/stock", admin).json();
              assertThat(stock.getInt("onHand")).isEqualTo(1);
              assertThat(stock.getInt("reserved")).isZero();
            });
    assertThat(get(API + "/reservations/" + id, buyer).json().getString("status"))
        .isEqualTo("COMMITTED");
  }

  @Test
  void aMultiLineReservationIsAllOrNothing() {
    String plenty = productWithStock(10);
    String scarce = productWithStock(1);
    String body =
        "{\"lines\":[{\"productId\":\""
            + plenty
            + "\",\"quantity\":2},{\"productId\":\""
            + scarce
            + "\",\"quantity\":2}]}";
    reserve(body, buyer, null).assertProblem(409, "insufficient-stock");
    assertThat(available(plenty)).isEqualTo(10);
    assertThat(available(scarce)).isEqualTo(1);
  }

  @Test
  void reservationsBelongToTheirOwner() {
    String product = productWithStock(3);
    String mine = reserve(lines(product, 1), buyer, null).json().getString("id");
    String other = Platform.registerAndLogin("other-buyer").accessToken();
    get(API + "/reservations/" + mine, other).assertProblem(404, "not-found");
    post(API + "/reservations/" + mine + "/release", null, other).assertProblem(404, "not-found");
    assertThat(get(API + "/reservations/" + mine, admin).status()).isEqualTo(200);
    reserve(lines(product, 1), null, null).assertProblem(401, null);
  }

  @Test
  void badInputHoldsNothing() {
    String product = productWithStock(5);
    reserve(lines(product, 0), buyer, null).assertProblem(400, "validation-failed");
    reserve(lines(product, -3), buyer, null).assertProblem(400, "validation-failed");
    reserve("{\"lines\":[]}", buyer, null).assertProblem(400, "validation-failed");
    reserve(lines(UUID.randomUUID().toString(), 1), buyer, null).assertProblem(404, "not-found");
    reserve(lines(product, 1), buyer, "bad key with spaces")
        .assertProblem(400, "validation-failed");
    reserve("{\"lines\":[{\"productId\":\"nope\",\"quantity\":1}]}", buyer, null)
        .assertProblem(400, "malformed-json");
    send("PUT", API + "/products/" + product + "/stock", "{\"onHand\":-1}", admin)
        .assertProblem(400, "validation-failed");
    send("PUT", API + "/products/" + product + "/stock", "{\"onHand\":1}", buyer)
        .assertProblem(403, "forbidden");
    assertThat(available(product)).isEqualTo(5);

    reserve(lines(product, 4), buyer, null);
    send("PUT", API + "/products/" + product + "/stock", "{\"onHand\":3}", admin)
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
