package io.opencommerce.it.products;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Platform;
import io.opencommerce.products.client.CategoryRequest;
import io.opencommerce.products.client.ProductRequest;
import io.opencommerce.products.client.StockRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The catalog over REST (each test in a category of its own): administrators create, replace and
 * retire products; anyone lists, filters, sorts, searches and reads them (cached in Redis, with
 * ETags); every change is published as ProductChanged; bad input changes nothing.
 */
class CatalogIT {
  static final String API = BASE + "/products/api";
  private static String admin;
  private static String customer;
  private static String category;
  private static String categoryId;
  private static String word;

  @BeforeEach
  void freshCategory() {
    if (admin == null) {
      admin = Platform.admin().accessToken();
      customer = Platform.registerAndLogin("catalog").accessToken();
    }
    String tag = UUID.randomUUID().toString().substring(0, 8);
    category = "it-" + tag;
    word = "zq" + tag.replaceAll("[^a-z]", "x");
    var created =
        post(API + "/categories", Bodies.json(new CategoryRequest(category, "IT " + tag)), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    categoryId = created.json().getString("id");
  }

  static String product(String sku, String name, String price, String description) {
    return Bodies.json(
        new ProductRequest(
            sku,
            name,
            description,
            UUID.fromString(categoryId),
            new BigDecimal(price),
            "EUR",
            Map.of("colour", "blue"),
            null));
  }

  static String sku() {
    return "IT-" + UUID.randomUUID().toString().substring(0, 13);
  }

  static JsonObject create(String sku, String name, String price, String description) {
    var created = post(API + "/products", product(sku, name, price, description), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void adminsCreateAndEveryoneListsFiltersSortsAndSearches() {
    create(sku(), "Alpha mug", "12.50", "A mug for " + word + " mornings");
    create(sku(), "Beta mug", "8.00", "A plain mug");
    create(sku(), "Gamma mug", "30.00", "A large mug");

    var all = get(API + "/products?category=" + category + "&sort=price", null);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().getInt("total")).isEqualTo(3);
    assertThat(names(all.json())).containsExactly("Beta mug", "Alpha mug", "Gamma mug");
    assertThat(
            all.json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("price")
                .bigDecimalValue())
        .isEqualByComparingTo("8.00");

    var window =
        get(API + "/products?category=" + category + "&minPrice=10&maxPrice=30&sort=-price", null);
    assertThat(names(window.json())).containsExactly("Gamma mug", "Alpha mug");

    var paged = get(API + "/products?category=" + category + "&sort=name&limit=2&offset=2", null);
    assertThat(paged.json().getInt("total")).isEqualTo(3);
    assertThat(names(paged.json())).containsExactly("Gamma mug");

    var found = get(API + "/products?q=" + word, null);
    assertThat(names(found.json())).containsExactly("Alpha mug");
  }

  @Test
  void readsAreCachedCarryAnETagAndFollowChanges() {
    String sku = sku();
    String id = create(sku, "Delta lamp", "45.00", "A desk lamp").getString("id");

    var first = get(API + "/products/" + id, null);
    assertThat(first.status()).isEqualTo(200);
    String etag = first.raw().headers().firstValue("ETag").orElseThrow();
    try (RedisClient redis = RedisClient.create("127.0.0.1", 6379)) {
      assertThat(redis.exists("oc:products:product:default:" + id)).as("cached").isTrue();
    }
    var unchanged =
        Platform.send(
            HttpRequest.newBuilder(URI.create(API + "/products/" + id))
                .header("If-None-Match", etag)
                .GET()
                .build());
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();

    var replaced =
        send("PUT", API + "/products/" + id, product(sku, "Delta lamp", "39.90", "On sale"), admin);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);

    var after = get(API + "/products/" + id, null);
    assertThat(after.json().getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("39.90");
    assertThat(after.raw().headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

    var stale =
        Platform.send(
            HttpRequest.newBuilder(URI.create(API + "/products/" + id))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin)
                .header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString(product(sku, "Delta lamp", "1.00", "x")))
                .build());
    stale.assertProblem(412, "version-mismatch");
    assertThat(get(API + "/products/" + id, null).json().getJsonNumber("price").bigDecimalValue())
        .isEqualByComparingTo("39.90");
  }

  @Test
  void retiredProductsLeaveTheShopButNotTheAdmins() {
    String id = create(sku(), "Epsilon chair", "99.00", "A chair").getString("id");
    assertThat(get(API + "/products/" + id, null).status()).isEqualTo(200);

    assertThat(send("DELETE", API + "/products/" + id, null, admin).status()).isEqualTo(204);

    get(API + "/products/" + id, null).assertProblem(404, "not-found");
    assertThat(get(API + "/products/" + id, admin).json().getBoolean("active")).isFalse();
    assertThat(names(get(API + "/products?category=" + category, null).json()))
        .doesNotContain("Epsilon chair");
    assertThat(
            names(
                get(API + "/products?category=" + category + "&includeRetired=true", admin).json()))
        .contains("Epsilon chair");
  }

  @Test
  void severalProductsAreLookedUpAtOnceWithTheirStock() {
    String lamp = create(sku(), "Zeta lamp", "30.00", "A lamp").getString("id");
    String rug = create(sku(), "Eta rug", "80.00", "A rug").getString("id");
    String retired = create(sku(), "Theta vase", "10.00", "A vase").getString("id");
    send("PUT", API + "/products/" + lamp + "/stock", Bodies.json(new StockRequest(7)), admin);
    send("DELETE", API + "/products/" + retired, null, admin);
    String unknown = UUID.randomUUID().toString();

    var found =
        get(
                API
                    + "/products/lookup?id="
                    + lamp
                    + "&id="
                    + rug
                    + "&id="
                    + retired
                    + "&id="
                    + unknown
                    + "&id="
                    + lamp,
                null)
            .jsonArray();
    assertThat(found).hasSize(2);
    var byName =
        found.stream()
            .map(v -> v.asJsonObject())
            .collect(
                java.util.stream.Collectors.toMap(
                    o -> o.getJsonObject("product").getString("name"), o -> o.getInt("available")));
    assertThat(byName).containsEntry("Zeta lamp", 7).containsEntry("Eta rug", 0);

    get(API + "/products/lookup", null).assertProblem(400, "validation-failed");
    get(API + "/products/lookup?id=nope", null).assertProblem(400, "validation-failed");
    get(API + "/products/lookup?id=" + (lamp + "&id=").repeat(101) + lamp, null)
        .assertProblem(400, "validation-failed");
  }

  @Test
  void everyChangeIsPublished() {
    try (EventTap tap = new EventTap("ProductChanged.v1")) {
      String sku = sku();
      String id = create(sku, "Zeta rug", "120.00", "A rug").getString("id");
      send("PUT", API + "/products/" + id, product(sku, "Zeta rug", "110.00", "A rug"), admin);
      send("DELETE", API + "/products/" + id, null, admin);
      for (String change : List.of("created", "updated", "retired")) {
        assertThat(
                tap.await(
                    m ->
                        m.payload() != null
                            && id.equals(m.payload().getString("productId"))
                            && change.equals(m.payload().getString("change")),
                    Duration.ofSeconds(20)))
            .as(change)
            .isPresent();
      }
    }
  }

  @Test
  void onlyAdminsChangeTheCatalog() {
    post(API + "/products", product(sku(), "X", "1.00", "x"), null).assertProblem(401, null);
    post(API + "/products", product(sku(), "X", "1.00", "x"), customer)
        .assertProblem(403, "forbidden");
    post(API + "/categories", Bodies.json(new CategoryRequest("nope", "Nope")), customer)
        .assertProblem(403, "forbidden");
    get(API + "/products?includeRetired=true", customer).assertProblem(403, "forbidden");
  }

  @Test
  void badInputIsRefusedAndStoresNothing() {
    String sku = sku();
    post(API + "/products", product(sku, "Bad", "-1.00", "x"), admin)
        .assertProblem(400, "validation-failed");
    post(API + "/products", product(sku, "Bad", "1.999", "x"), admin)
        .assertProblem(400, "validation-failed");
    post(API + "/products", product(sku, "Bad", "1.00", "x").replace("EUR", "euro"), admin)
        .assertProblem(400, "validation-failed");
    post(
            API + "/products",
            product(sku, "Bad", "1.00", "x").replace(categoryId, UUID.randomUUID().toString()),
            admin)
        .assertProblem(400, "validation-failed");
    post(
            API + "/products",
            product(sku, "Bad", "1.00", "x").replace("\"price\":1.00", "\"price\":\"cheap\""),
            admin)
        .assertProblem(400, "malformed-json");
    get(API + "/products?sort=random", null).assertProblem(400, "validation-failed");
    get(API + "/products?minPrice=10&maxPrice=5", null).assertProblem(400, "validation-failed");
    get(API + "/products?limit=1000", null).assertProblem(400, "validation-failed");
    get(API + "/products/" + UUID.randomUUID(), null).assertProblem(404, "not-found");

    String dup = sku();
    create(dup, "Original", "5.00", "x");
    post(API + "/products", product(dup, "Copy", "6.00", "x"), admin)
        .assertProblem(409, "sku-taken");

    var none = get(API + "/products?includeRetired=true&category=" + category, admin).json();
    assertThat(names(none)).doesNotContain("Bad", "Copy");
  }

  private static List<String> names(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .map(o -> o.getString("name"))
        .toList();
  }
}
