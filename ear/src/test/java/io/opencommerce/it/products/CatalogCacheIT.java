package io.opencommerce.it.products;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.products.client.CategoryRequest;
import io.opencommerce.products.client.ProductRequest;
import io.opencommerce.products.client.StockRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Product lists served from Redis (each test in a category of its own): a repeated query is a cache
 * hit, served as the bytes first serialized; every catalogue change shows in the very next list;
 * lists carry an ETag and revalidate to 304; bad parameters are refused before the cache is asked;
 * stock-filtered and administrators' lists are never cached.
 */
class CatalogCacheIT {
  static final String API = BASE + "/products/api";
  static final String VERSION = "oc:products:catalog-version:default";
  private static final RedisClient REDIS = RedisClient.create("127.0.0.1", 6379);
  private static String admin;
  private static String customer;
  private String category;
  private String categoryId;

  @BeforeEach
  void freshCategory() {
    if (admin == null) {
      admin = Platform.admin().accessToken();
      customer = Platform.registerAndLogin("catalog-cache").accessToken();
    }
    category = "itc-" + UUID.randomUUID().toString().substring(0, 8);
    categoryId = createCategory(category);
  }

  @AfterAll
  static void closeRedis() {
    REDIS.close();
  }

  @Test
  void aRepeatedListIsServedFromRedisAndFollowsEveryChange() {
    String sku = sku();
    String id = create(sku, "Kappa teapot", "10.00");
    String url = API + "/products?category=" + category;
    String key = listKey("category=" + category + "&limit=20&offset=0&sort=name");

    var first = get(url, null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(onlyPrice(first.json())).isEqualByComparingTo("10.00");
    String etag = first.raw().headers().firstValue("ETag").orElseThrow();
    byte[] cached = REDIS.get(key.getBytes(StandardCharsets.UTF_8));
    assertThat(cached).as("cached under %s", key).isNotNull();
    String[] parts = new String(cached, StandardCharsets.UTF_8).split("\n", 3);
    assertThat(parts[0]).as("built at the current version").isEqualTo(version());
    assertThat("\"" + parts[1] + "\"").isEqualTo(etag);
    assertThat(parts[2]).as("the exact bytes served").isEqualTo(first.body());

    var second = get(url, null);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.raw().headers().firstValue("ETag")).contains(etag);

    // Only a hit serves what the entry holds: alter the cached page, then ask the same query
    // spelled another way (parameters in another order, defaults written out, a blank search).
    String doctored = parts[2].replace("Kappa teapot", "Served from Redis");
    REDIS.set(
        key.getBytes(StandardCharsets.UTF_8),
        (parts[0] + "\n" + parts[1] + "\n" + doctored).getBytes(StandardCharsets.UTF_8),
        SetParams.setParams().keepTtl());
    var hit = get(API + "/products?offset=0&q=%20&sort=name&limit=20&category=" + category, null);
    assertThat(names(hit.json())).containsExactly("Served from Redis");
    assertThat(REDIS.ttl(key)).as("entries expire").isPositive();

    long before = Long.parseLong(version());
    var replaced =
        send("PUT", API + "/products/" + id, product(sku, "Kappa teapot", "12.40"), admin);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(Long.parseLong(version())).as("a change moves the version").isGreaterThan(before);
    var repriced = get(url, null);
    assertThat(names(repriced.json())).containsExactly("Kappa teapot");
    assertThat(onlyPrice(repriced.json())).isEqualByComparingTo("12.40");
    assertThat(repriced.raw().headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

    get(url, null); // cached again at the new version
    String other = create(sku(), "Lambda cup", "3.00");
    assertThat(names(get(url, null).json())).containsExactly("Kappa teapot", "Lambda cup");

    get(url, null);
    assertThat(send("DELETE", API + "/products/" + other, null, admin).status()).isEqualTo(204);
    var afterRetire = get(url, null).json();
    assertThat(names(afterRetire)).containsExactly("Kappa teapot");
    assertThat(afterRetire.getInt("total")).isEqualTo(1);
  }

  @Test
  void searchesAndPricesAreCachedPerQueryAndFollowChanges() {
    String word = "zc" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    String sku = sku();
    String id = create(sku, "Mu kettle", "20.00", "A kettle for " + word + " evenings");
    String search = API + "/products?q=" + word;
    String window = API + "/products?category=" + category + "&minPrice=15&maxPrice=25";

    assertThat(names(get(search, null).json())).containsExactly("Mu kettle");
    assertThat(names(get(window, null).json())).containsExactly("Mu kettle");
    assertThat(names(get(search, null).json())).containsExactly("Mu kettle");
    assertThat(names(get(window + ".00", null).json())).containsExactly("Mu kettle");

    send("PUT", API + "/products/" + id, product(sku, "Mu kettle", "30.00", "Plain"), admin);

    assertThat(names(get(search, null).json())).isEmpty();
    assertThat(names(get(window, null).json())).isEmpty();
    assertThat(names(get(window + ".00", null).json())).isEmpty();
  }

  @Test
  void listsCarryAnETagAndRevalidateTo304() {
    String sku = sku();
    String id = create(sku, "Nu tray", "7.00");
    String url = API + "/products?category=" + category + "&sort=price";

    var first = get(url, null);
    String etag = first.raw().headers().firstValue("ETag").orElseThrow();
    assertThat(first.raw().headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=0");

    var unchanged = ifNoneMatch(url, etag);
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.raw().headers().firstValue("ETag")).contains(etag);

    // A change elsewhere in the catalogue moves the version, but this page is the same: still 304.
    createCategory("itc-" + UUID.randomUUID().toString().substring(0, 8));
    assertThat(ifNoneMatch(url, etag).status()).isEqualTo(304);

    send("PUT", API + "/products/" + id, product(sku, "Nu tray", "6.50"), admin);
    var changed = ifNoneMatch(url, etag);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(onlyPrice(changed.json())).isEqualByComparingTo("6.50");
    assertThat(changed.raw().headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
  }

  @Test
  void creatingACategoryMovesTheVersion() {
    long before = Long.parseLong(version());
    createCategory("itc-" + UUID.randomUUID().toString().substring(0, 8));
    assertThat(Long.parseLong(version())).isGreaterThan(before);
  }

  @Test
  void badParametersAreRefusedBeforeTheCacheIsAsked() {
    create(sku(), "Xi bowl", "5.00");
    String url = API + "/products?category=" + category;
    String etag = get(url, null).raw().headers().firstValue("ETag").orElseThrow();
    assertThat(ifNoneMatch(url, etag).status()).isEqualTo(304);

    String in = "category=" + category + "&";
    for (String bad :
        List.of(
            in + "sort=random",
            in + "minPrice=10&maxPrice=5",
            in + "minPrice=-1",
            in + "limit=1000",
            in + "limit=0",
            in + "offset=-1",
            in + "q=" + "a".repeat(201),
            "category=" + "c".repeat(65))) {
      get(API + "/products?" + bad, null).assertProblem(400, "validation-failed");
      ifNoneMatch(API + "/products?" + bad, etag).assertProblem(400, "validation-failed");
      ifNoneMatch(API + "/products?" + bad, "*").assertProblem(400, "validation-failed");
    }
    get(url + "&includeRetired=true", customer).assertProblem(403, "forbidden");
    get(url + "&includeRetired=true", null).assertProblem(403, "forbidden");
  }

  @Test
  void stockFilteredAndRetiredListsAreNeverCached() {
    String id = create(sku(), "Omicron jar", "4.00");
    String inStock = API + "/products?category=" + category + "&inStock=true";

    assertThat(names(get(inStock, null).json())).isEmpty();
    assertThat(
            REDIS.exists(
                listKey("category=" + category + "&inStock=true&limit=20&offset=0&sort=name")))
        .isFalse();
    var counted =
        send("PUT", API + "/products/" + id + "/stock", Bodies.json(new StockRequest(5)), admin);
    assertThat(counted.status()).as(counted.body()).isEqualTo(200);
    assertThat(names(get(inStock, null).json())).containsExactly("Omicron jar");

    assertThat(send("DELETE", API + "/products/" + id, null, admin).status()).isEqualTo(204);
    String retired = API + "/products?category=" + category + "&includeRetired=true";
    var adminList = get(retired, admin);
    assertThat(names(adminList.json())).containsExactly("Omicron jar");
    assertThat(adminList.raw().headers().firstValue("ETag")).isPresent();
    assertThat(
            REDIS.exists(
                listKey(
                    "category=" + category + "&includeRetired=true&limit=20&offset=0&sort=name")))
        .isFalse();
  }

  private String createCategory(String slug) {
    var created =
        post(API + "/categories", Bodies.json(new CategoryRequest(slug, "IT " + slug)), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  private String product(String sku, String name, String price) {
    return product(sku, name, price, "A thing");
  }

  private String product(String sku, String name, String price, String description) {
    return Bodies.json(
        new ProductRequest(
            sku,
            name,
            description,
            UUID.fromString(categoryId),
            new BigDecimal(price),
            "EUR",
            null,
            null));
  }

  private String create(String sku, String name, String price) {
    return create(sku, name, price, "A thing");
  }

  private String create(String sku, String name, String price, String description) {
    var created = post(API + "/products", product(sku, name, price, description), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static String sku() {
    return "ITC-" + UUID.randomUUID().toString().substring(0, 13);
  }

  private static Platform.Reply ifNoneMatch(String url, String etag) {
    return Platform.send(
        HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).GET().build());
  }

  private static String version() {
    String version = REDIS.get(VERSION);
    return version == null ? "0" : version;
  }

  /** The service's key for a query of the default site: SHA-256 of its canonical spelling. */
  private static String listKey(String canonical) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return "oc:products:list:default:" + HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .map(o -> o.getString("name"))
        .toList();
  }

  private static BigDecimal onlyPrice(JsonObject page) {
    assertThat(page.getJsonArray("items")).hasSize(1);
    return page.getJsonArray("items").getJsonObject(0).getJsonNumber("price").bigDecimalValue();
  }
}
