package io.opencommerce.it.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opencommerce.addresses.client.AddressRequest;
import io.opencommerce.addresses.client.AddressesApi;
import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.baskets.client.BasketsApi;
import io.opencommerce.baskets.client.QuantityRequest;
import io.opencommerce.deliveries.client.DeliveriesApi;
import io.opencommerce.deliveries.client.ShipmentSummary;
import io.opencommerce.deliveries.client.TrackingView;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Shop;
import io.opencommerce.orders.client.CancelRequest;
import io.opencommerce.orders.client.CheckoutRequest;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.orders.client.OrdersApi;
import io.opencommerce.products.client.ProductRequest;
import io.opencommerce.products.client.ProductsApi;
import io.opencommerce.products.client.StockRequest;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RestClientBuilder;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The purchase flow through the published client jars only, as an integrator drives it: {@code
 * ProductsApi}, {@code AddressesApi}, {@code BasketsApi}, {@code OrdersApi} and {@code
 * DeliveriesApi}, each pointed at its service's API root.
 */
@MicroShedTest
public class IntegratorClientsIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(30);

  private static <T> T client(Class<T> api, String service) {
    return new RestClientBuilder()
        .withAppContextRoot(Platform.BASE + "/" + service)
        .withJaxrsPath("/api")
        .build(api);
  }

  @Test
  void aPurchaseThroughTheClientJars() {
    ProductsApi products = client(ProductsApi.class, "products");
    AddressesApi addresses = client(AddressesApi.class, "addresses");
    BasketsApi baskets = client(BasketsApi.class, "baskets");
    OrdersApi orders = client(OrdersApi.class, "orders");
    DeliveriesApi deliveries = client(DeliveriesApi.class, "deliveries");

    String admin = "Bearer " + Platform.admin().accessToken();
    String sku = "CL-" + UUID.randomUUID().toString().substring(0, 13);
    Response created =
        products.create(
            admin,
            new ProductRequest(
                sku,
                "Client kettle",
                "Bought through the client jars",
                null,
                new BigDecimal("42.00"),
                "EUR",
                Map.of("colour", "steel"),
                true));
    assertThat(created.getStatus()).isEqualTo(201);
    UUID product = UUID.fromString(created.getLocation().getPath().replaceAll(".*/", ""));
    Platform.send(
        "PUT",
        Platform.BASE + "/products/api/products/" + product + "/stock",
        Bodies.json(new StockRequest(5)),
        Platform.admin().accessToken());

    String customer = "Bearer " + Platform.registerAndLogin("client").accessToken();
    AtomicReference<UUID> address = new AtomicReference<>();
    await()
        .atMost(EVENTUAL)
        .ignoreExceptions()
        .until(
            () -> {
              Response added =
                  addresses.create(
                      customer,
                      new AddressRequest(
                          "Home",
                          "Client Shopper",
                          null,
                          "3 quai de Bercy",
                          null,
                          "75012",
                          "Paris",
                          null,
                          "FR",
                          null,
                          null,
                          null));
              address.set(UUID.fromString(added.getLocation().getPath().replaceAll(".*/", "")));
              return added.getStatus() == 201;
            });
    BasketView basket = baskets.set(customer, null, product, new QuantityRequest(2));
    assertThat(basket.subtotal()).isEqualByComparingTo("84.00");

    String key = UUID.randomUUID().toString();
    Response placed = orders.checkout(customer, key, new CheckoutRequest(address.get(), null));
    assertThat(placed.getStatus()).isEqualTo(201);
    OrderView order = placed.readEntity(OrderView.class);
    assertThat(order.status()).isEqualTo("CONFIRMED");
    assertThat(order.total()).isEqualByComparingTo("84.00");
    assertThat(order.shippingAddress().recipient()).isEqualTo("Client Shopper");
    assertThat(orders.checkout(customer, key, new CheckoutRequest(address.get(), null)).getStatus())
        .isEqualTo(200);

    AtomicReference<ShipmentSummary> shipment = new AtomicReference<>();
    await()
        .atMost(EVENTUAL)
        .until(
            () -> {
              var page = deliveries.list(customer, null, order.id(), null, null, null);
              page.items().stream().findFirst().ifPresent(shipment::set);
              return shipment.get() != null;
            });
    TrackingView tracking = deliveries.track(shipment.get().trackingNumber());
    assertThat(tracking.status()).isEqualTo("CREATED");
    assertThat(tracking.estimatedDelivery()).isNotNull();

    String report = Shop.carrierReport(shipment.get().trackingNumber(), "IN_TRANSIT");
    assertThat(deliveries.carrierWebhook("simulated", Shop.sign(report), report).status())
        .isEqualTo("IN_TRANSIT");
    await()
        .atMost(EVENTUAL)
        .until(() -> orders.get(customer, order.id()).status().equals("SHIPPED"));

    // Refusals arrive as the JAX-RS client's exceptions.
    assertThatThrownBy(() -> orders.cancel(customer, order.id(), new CancelRequest("too late")))
        .isInstanceOf(ClientErrorException.class)
        .satisfies(
            e -> assertThat(((ClientErrorException) e).getResponse().getStatus()).isEqualTo(409));
    String stranger = "Bearer " + Platform.registerAndLogin("client-other").accessToken();
    assertThatThrownBy(() -> orders.get(stranger, order.id()))
        .isInstanceOf(NotFoundException.class);
  }
}
