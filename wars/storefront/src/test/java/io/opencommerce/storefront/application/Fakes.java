package io.opencommerce.storefront.application;

import io.opencommerce.addresses.client.AddressView;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.deliveries.client.ShipmentView;
import io.opencommerce.deliveries.client.TrackingEventView;
import io.opencommerce.kit.redis.Cache;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.products.client.CategoryView;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.products.client.ProductView;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.sav.client.TicketSummary;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What the use cases' tests put in place of Redis and of the other services. */
final class Fakes {
  static final Instant AT = Instant.parse("2026-11-30T10:15:30Z");

  private Fakes() {}

  /** Redis as a map; {@code down} makes every read a miss and every write a no-op. */
  static final class MemoryCache extends Cache {
    final Map<String, byte[]> values = new ConcurrentHashMap<>();
    final Map<String, Long> ttls = new ConcurrentHashMap<>();
    volatile boolean down;

    @Override
    public List<byte[]> getAll(byte[]... keys) {
      if (down) {
        return null;
      }
      List<byte[]> found = new ArrayList<>();
      for (byte[] key : keys) {
        found.add(values.get(new String(key, StandardCharsets.UTF_8)));
      }
      return found;
    }

    @Override
    public void put(byte[] key, byte[] value, long ttlSeconds) {
      if (!down) {
        values.put(new String(key, StandardCharsets.UTF_8), value);
        ttls.put(new String(key, StandardCharsets.UTF_8), ttlSeconds);
      }
    }

    @Override
    public boolean claim(byte[] key, long ttlSeconds) {
      return !down
          && values.putIfAbsent(new String(key, StandardCharsets.UTF_8), new byte[] {'1'}) == null;
    }

    String text(String key) {
      byte[] value = values.get(key);
      return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
  }

  static ProductView product(UUID id, String name) {
    return new ProductView(
        id,
        "SKU-1",
        name,
        "A \"fine\" thing",
        new CategoryView(UUID.randomUUID(), "coffee", "Coffee"),
        new BigDecimal("12.50"),
        "EUR",
        Map.of("origin", "Kenya"),
        true,
        3,
        AT);
  }

  static List<ProductAvailability> available(UUID id, String name, int units) {
    return List.of(new ProductAvailability(product(id, name), units));
  }

  static Page<EntryView> faq(UUID productId, String language, String... questions) {
    List<EntryView> entries = new ArrayList<>();
    int position = 0;
    for (String question : questions) {
      entries.add(
          new EntryView(
              UUID.randomUUID(),
              language,
              "coffee",
              question,
              "An answer.",
              "<p>An answer.</p>",
              List.of(),
              productId,
              true,
              position++,
              0,
              0,
              0,
              AT,
              AT,
              AT,
              1));
    }
    return new Page<>(entries, entries.size(), 20, 0);
  }

  static OrderView order(UUID id, UUID customer, OrderView.Shipment shipment) {
    return new OrderView(
        id,
        "OC-0000000001",
        customer,
        "CONFIRMED",
        List.of(
            new OrderView.Line(
                UUID.randomUUID(),
                "SKU-1",
                "Lamp",
                2,
                new BigDecimal("24.90"),
                new BigDecimal("49.80"))),
        2,
        new BigDecimal("49.80"),
        new BigDecimal("49.80"),
        "EUR",
        null,
        null,
        new OrderView.Payment("none", "NOT_REQUIRED", null),
        shipment,
        List.of(new OrderView.Transition(null, "PLACED", AT, "customer", null)),
        AT,
        AT);
  }

  static ShipmentView shipment(UUID id, UUID orderId, UUID customer) {
    return new ShipmentView(
        id,
        orderId,
        "OC-0000000001",
        customer,
        "simulated",
        "SIM0000000001",
        "CREATED",
        LocalDate.of(2026, 12, 2),
        2,
        null,
        List.of(new TrackingEventView("CREATED", AT, null, "Shipping label created.")),
        AT,
        AT);
  }

  static UserProfile profile(UUID id) {
    return new UserProfile(id, "ada@example.com", "Ada", List.of("customer"), AT);
  }

  static AddressView address(UUID owner, String city, boolean shipping, boolean billing) {
    return new AddressView(
        UUID.randomUUID(),
        owner,
        null,
        "Ada",
        null,
        "8 rue de la Paix",
        null,
        "75002",
        city,
        null,
        "FR",
        null,
        billing,
        shipping,
        1,
        AT);
  }

  static TicketSummary ticket(UUID customer, String number, String status) {
    return new TicketSummary(
        UUID.randomUUID(),
        number,
        customer,
        "My grinder rattles",
        "product",
        "normal",
        null,
        status,
        null,
        AT,
        AT,
        AT,
        AT,
        null,
        false,
        1);
  }

  static JsonObject json(byte[] page) {
    return Json.createReader(new StringReader(new String(page, StandardCharsets.UTF_8)))
        .readObject();
  }
}
