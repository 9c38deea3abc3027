package io.opencommerce.it.storefront;

import static io.opencommerce.it.storefront.Storefront.present;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.it.support.Shop.Shopper;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order page: the order with its shipment and the parcel's journey, for its customer and
 * administrators only — another customer gets the same 404 as for an order that does not exist.
 */
class OrderPageIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(30);

  private static Shopper ada;
  private static String orderId;
  private static String orderNumber;

  @BeforeAll
  static void placeAnOrder() {
    String admin = Platform.admin().accessToken();
    String lamp = Shop.product(admin, "Order page lamp", "24.90", 5);
    ada = Shop.shopper("sf-order", lamp, 2);
    Reply placed = Shop.checkout(ada.token(), "it-" + UUID.randomUUID(), ada.addressId());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    orderId = placed.json().getString("id");
    orderNumber = placed.json().getString("number");
  }

  @Test
  void theOrderComesWithItsShipmentAndJourney() {
    JsonObject booked = Shop.shipmentOf(orderId, ada.token());
    AtomicReference<Reply> page = new AtomicReference<>();
    // The order hears of its shipment through the deliveries service's events.
    await()
        .atMost(EVENTUAL)
        .until(
            () -> {
              Reply reply = Storefront.get("/order-pages/" + orderId, ada.token());
              page.set(reply);
              if (reply.status() != 200) {
                return false;
              }
              JsonObject shipment = reply.json().getJsonObject("shipment");
              return "ok".equals(shipment.getString("status"))
                  && shipment.get("data") != JsonValue.NULL;
            });

    Reply reply = page.get();
    assertThat(reply.header("Cache-Control")).contains("private").contains("no-store");
    assertThat(reply.header("ETag")).isNull();
    JsonObject body = reply.json();
    assertThat(body.getString("orderId")).isEqualTo(orderId);
    JsonObject order = present(body, "order");
    assertThat(order.getString("id")).isEqualTo(orderId);
    assertThat(order.getString("number")).isEqualTo(orderNumber);
    assertThat(order.getJsonArray("lines")).hasSize(1);
    JsonObject shipment = present(body, "shipment");
    assertThat(shipment.getString("id")).isEqualTo(booked.getString("id"));
    assertThat(shipment.getString("orderId")).isEqualTo(orderId);
    assertThat(shipment.getString("trackingNumber")).isEqualTo(booked.getString("trackingNumber"));
    assertThat(shipment.getJsonArray("events")).isNotEmpty();
    assertThat(shipment.getJsonArray("events").getJsonObject(0).getString("status"))
        .isEqualTo("CREATED");
  }

  @Test
  void anAdministratorSeesAnyOrder() {
    Reply page = Storefront.get("/order-pages/" + orderId, Platform.admin().accessToken());

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(present(page.json(), "order").getString("number")).isEqualTo(orderNumber);
  }

  @Test
  void anotherCustomersOrderIsNotFound() {
    String eve = Platform.registerAndLogin("sf-eve").accessToken();

    Storefront.get("/order-pages/" + orderId, eve).assertProblem(404, "not-found");
  }

  @Test
  void anOrderThatDoesNotExistIsNotFound() {
    Storefront.get("/order-pages/" + UUID.randomUUID(), ada.token())
        .assertProblem(404, "not-found");
  }

  @Test
  void anonymousCallersMustSignIn() {
    assertThat(Storefront.get("/order-pages/" + orderId, null).status()).isEqualTo(401);
  }
}
