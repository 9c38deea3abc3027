package io.opencommerce.it.support;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.addresses.client.AddressRequest;
import io.opencommerce.baskets.client.QuantityRequest;
import io.opencommerce.deliveries.client.CarrierWebhookRequest;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.orders.client.CheckoutRequest;
import io.opencommerce.products.client.ProductRequest;
import io.opencommerce.products.client.StockRequest;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a shopper and a store operator do over REST, for the purchase-flow suites. */
public final class Shop {
  public static final String PRODUCTS = BASE + "/products/api";
  public static final String BASKETS = BASE + "/baskets/api";
  public static final String ADDRESSES = BASE + "/addresses/api";
  public static final String ORDERS = BASE + "/orders/api";
  public static final String DELIVERIES = BASE + "/deliveries/api";

  private Shop() {}

  /** A new active product priced in EUR with {@code stock} units on hand; returns its id. */
  public static String product(String admin, String name, String price, int stock) {
    String sku = "PF-" + UUID.randomUUID().toString().substring(0, 13);
    Reply created =
        post(
            PRODUCTS + "/products",
            Bodies.json(
                new ProductRequest(
                    sku,
                    name,
                    "A " + name.toLowerCase() + " for the purchase flow",
                    null,
                    new BigDecimal(price),
                    "EUR",
                    null,
                    null)),
            admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    Reply stocked =
        send(
            "PUT",
            PRODUCTS + "/products/" + id + "/stock",
            Bodies.json(new StockRequest(stock)),
            admin);
    assertThat(stocked.status()).as(stocked.body()).isEqualTo(200);
    return id;
  }

  /** A product as an administrator sends it with nothing but a name and a price in EUR. */
  public static ProductRequest productRequest(String sku, String name, String price) {
    return new ProductRequest(sku, name, null, null, new BigDecimal(price), "EUR", null, null);
  }

  /** {on hand, reserved} as an administrator sees them. */
  public static int[] stock(String admin, String productId) {
    var stock = get(PRODUCTS + "/products/" + productId + "/stock", admin).json();
    return new int[] {stock.getInt("onHand"), stock.getInt("reserved")};
  }

  public static Reply putInBasket(String token, String productId, int quantity) {
    return Platform.send(
        HttpRequest.newBuilder(URI.create(BASKETS + "/basket/items/" + productId))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.ofString(Bodies.json(new QuantityRequest(quantity))))
            .build());
  }

  /**
   * Adds a French address to a new customer's book, once the book is open (it opens when the
   * registration event arrives); returns the address id.
   */
  public static String address(String token, String recipient) {
    AddressRequest address =
        new AddressRequest(
            null,
            recipient,
            null,
            "8 rue de la Paix",
            null,
            "75002",
            "Paris",
            null,
            "FR",
            null,
            null,
            null);
    AtomicReference<Reply> created = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              created.set(post(ADDRESSES + "/addresses", Bodies.json(address), token));
              return created.get().status() == 201;
            });
    return created.get().json().getString("id");
  }

  /** Checks the basket out to one of the customer's addresses (billed to the same). */
  public static Reply checkout(String token, String key, String addressId) {
    return sendCheckout(
        token, key, Bodies.json(new CheckoutRequest(UUID.fromString(addressId), null)));
  }

  /** Posts a checkout body as given: for bodies no {@link CheckoutRequest} can hold. */
  public static Reply sendCheckout(String token, String key, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ORDERS + "/orders"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return Platform.send(request.build());
  }

  /** A new customer with {@code quantity} of the product in the basket and an address. */
  public record Shopper(Platform.Session session, String addressId) {
    public String token() {
      return session.accessToken();
    }
  }

  public static Shopper shopper(String tag, String productId, int quantity) {
    Platform.Session session = Platform.registerAndLogin(tag);
    String address = address(session.accessToken(), "Shopper " + tag);
    Reply put = putInBasket(session.accessToken(), productId, quantity);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    return new Shopper(session, address);
  }

  private static final String WEBHOOK_SECRET =
      System.getProperty("carrier.webhook.secret", "simulated-carrier-dev-secret");

  /** The simulated carrier's signature of a webhook body: {@code sha256=<hex HMAC-SHA256>}. */
  public static String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A carrier's report of a new status for a tracking number, and nothing else. */
  public static String carrierReport(String trackingNumber, String status) {
    return Bodies.json(
        new CarrierWebhookRequest(trackingNumber, status, null, null, null, Instant.now()));
  }

  /** Posts a report as the simulated carrier does (unsigned when {@code signature} is null). */
  public static Reply webhook(String body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(DELIVERIES + "/carriers/simulated/webhook"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Carrier-Signature", signature);
    }
    return Platform.send(request.build());
  }

  /** The shipment of an order, once the deliveries service has booked it. */
  public static JsonObject shipmentOf(String orderId, String token) {
    AtomicReference<JsonObject> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              // The items, not the total: the page counts in a second query, which may already
              // see a shipment booked after the first.
              var items =
                  get(DELIVERIES + "/shipments?orderId=" + orderId, token)
                      .json()
                      .getJsonArray("items");
              if (items.isEmpty()) {
                return false;
              }
              found.set(items.getJsonObject(0));
              return true;
            });
    return found.get();
  }
}
