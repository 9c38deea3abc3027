package io.opencommerce.it.baskets;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.baskets.client.QuantityRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.products.client.StockRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Baskets priced from the live catalog (over REST, products service): totals follow price changes,
 * retired or out-of-stock items are flagged and left out of the subtotal, a guest's basket merges
 * into the customer's on login, and losing the Redis copy loses nothing.
 */
class BasketIT {
  private static final String API = BASE + "/baskets/api";
  private static final String PRODUCTS = BASE + "/products/api";
  private static String admin;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
  }

  private static String product(String price, int stock) {
    String sku = "BK-" + UUID.randomUUID().toString().substring(0, 13);
    var created =
        post(PRODUCTS + "/products", Bodies.json(Shop.productRequest(sku, sku, price)), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    send(
        "PUT",
        PRODUCTS + "/products/" + id + "/stock",
        Bodies.json(new StockRequest(stock)),
        admin);
    return id;
  }

  private static Reply put(String productId, int quantity, String token, String basketToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(API + "/basket/items/" + productId))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(Bodies.json(new QuantityRequest(quantity))));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (basketToken != null) {
      request.header("X-Basket-Token", basketToken);
    }
    return Platform.send(request.build());
  }

  private static JsonObject line(JsonObject basket, String productId) {
    return basket.getJsonArray("lines").stream()
        .map(JsonValue::asJsonObject)
        .filter(l -> l.getString("productId").equals(productId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void totalsComeFromTheCurrentCatalog() {
    String customer = Platform.registerAndLogin("basket").accessToken();
    String mug = product("4.50", 10);
    String lamp = product("20.00", 10);
    assertThat(put(mug, 2, customer, null).status()).isEqualTo(200);
    var basket = put(lamp, 1, customer, null).json();
    assertThat(basket.getJsonNumber("subtotal").bigDecimalValue()).isEqualByComparingTo("29.00");
    assertThat(basket.getInt("itemCount")).isEqualTo(3);
    assertThat(basket.getString("currency")).isEqualTo("EUR");

    String sku = line(basket, mug).getString("sku");
    send(
        "PUT",
        PRODUCTS + "/products/" + mug,
        Bodies.json(Shop.productRequest(sku, sku, "5.00")),
        admin);
    // The basket follows the catalogue through its events (no call to products on a read).
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        get(API + "/basket", customer)
                            .json()
                            .getJsonNumber("subtotal")
                            .bigDecimalValue())
                    .isEqualByComparingTo("30.00"));
  }

  @Test
  void readingABasketAsksNoOtherService() {
    String customer = Platform.registerAndLogin("one-hop").accessToken();
    String kettle = product("30.00", 5);
    assertThat(put(kettle, 1, customer, null).status()).isEqualTo(200);

    double before = callsToTheCatalogue();
    for (int i = 0; i < 20; i++) {
      var basket = get(API + "/basket", customer).json();
      assertThat(line(basket, kettle).getString("status")).isEqualTo("ok");
    }
    assertThat(put(kettle, 2, customer, null).status()).isEqualTo(200); // known now: no call
    assertThat(callsToTheCatalogue()).isEqualTo(before);
  }

  /**
   * Every call the baskets service makes to the products service goes through the kit's {@code
   * ServiceClient}, whose Fault Tolerance counts each invocation in {@code ft_invocations_total}.
   */
  private static double callsToTheCatalogue() {
    return get(BASE + "/metrics", null)
        .body()
        .lines()
        .filter(l -> l.startsWith("ft_invocations_total{"))
        .filter(l -> l.contains("method=\"io.opencommerce.baskets.infrastructure.ProductsService."))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void itemsThatCannotBeBoughtAreFlaggedNotDropped() {
    String customer = Platform.registerAndLogin("flags").accessToken();
    String gone = product("3.00", 10);
    String scarce = product("7.00", 1);
    String fine = product("1.00", 10);
    put(gone, 1, customer, null);
    put(scarce, 2, customer, null);
    put(fine, 1, customer, null);
    send("DELETE", PRODUCTS + "/products/" + gone, null, admin);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "unavailable"
                    .equals(line(get(API + "/basket", customer).json(), gone).getString("status")));
    var basket = get(API + "/basket", customer).json();
    assertThat(basket.getJsonArray("lines")).hasSize(3);
    assertThat(line(basket, scarce).getString("status")).isEqualTo("out-of-stock");
    assertThat(line(basket, fine).getString("status")).isEqualTo("ok");
    assertThat(basket.getJsonNumber("subtotal").bigDecimalValue()).isEqualByComparingTo("1.00");
  }

  @Test
  void aGuestBasketMergesIntoTheCustomersOnLogin() {
    String mug = product("2.00", 10);
    var opened = post(API + "/guest-baskets", null, null);
    assertThat(opened.status()).isEqualTo(201);
    String token = opened.raw().headers().firstValue("X-Basket-Token").orElseThrow();
    assertThat(put(mug, 3, null, token).status()).isEqualTo(200);

    String customer = Platform.registerAndLogin("merge").accessToken();
    put(mug, 1, customer, null);
    var merged =
        Platform.send(
            HttpRequest.newBuilder(URI.create(API + "/basket/merge"))
                .header("Authorization", "Bearer " + customer)
                .header("X-Basket-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(line(merged.json(), mug).getInt("quantity")).isEqualTo(4);
    // The guest basket is gone.
    Platform.send(
            HttpRequest.newBuilder(URI.create(API + "/basket"))
                .header("X-Basket-Token", token)
                .GET()
                .build())
        .assertProblem(404, "not-found");
  }

  @Test
  void losingTheHotCopyLosesNothing() {
    Platform.Session session = Platform.registerAndLogin("durable");
    String mug = product("6.00", 10);
    put(mug, 2, session.accessToken(), null);
    try (RedisClient redis = RedisClient.create("127.0.0.1", 6379)) {
      String key = "oc:baskets:customer:default:" + session.userId();
      assertThat(redis.exists(key)).isTrue();
      redis.del(key);
    }
    assertThat(line(get(API + "/basket", session.accessToken()).json(), mug).getInt("quantity"))
        .isEqualTo(2);
  }

  @Test
  void badInputChangesNothing() {
    String customer = Platform.registerAndLogin("bad-basket").accessToken();
    String mug = product("1.00", 10);
    put(mug, 0, customer, null).assertProblem(400, "validation-failed");
    put(mug, 100, customer, null).assertProblem(400, "validation-failed");
    put(UUID.randomUUID().toString(), 1, customer, null).assertProblem(404, "not-found");
    put(mug, 1, null, null).assertProblem(401, "basket-token-required");
    put(mug, 1, null, "not-a-token").assertProblem(400, "validation-failed");
    put(mug, 1, null, "A".repeat(43)).assertProblem(404, "not-found");
    List<JsonValue> lines = get(API + "/basket", customer).json().getJsonArray("lines");
    assertThat(lines).isEmpty();
  }
}
