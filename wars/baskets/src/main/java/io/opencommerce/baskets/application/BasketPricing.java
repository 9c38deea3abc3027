package io.opencommerce.baskets.application;

import io.opencommerce.baskets.application.Baskets.Snapshot;
import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.products.client.ProductView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prices a basket from the current catalog (one lookup for all its lines): each line at today's
 * price, flagged when the product is gone or retired ({@code unavailable}) or short of stock
 * ({@code out-of-stock}); the subtotal counts the lines that can be bought.
 */
@ApplicationScoped
public class BasketPricing {
  public static final String OK = "ok";
  public static final String UNAVAILABLE = "unavailable";
  public static final String OUT_OF_STOCK = "out-of-stock";

  @Inject CatalogLookup catalog;

  public BasketView price(Snapshot basket) {
    Map<UUID, ProductAvailability> catalogue =
        catalog.lookup(basket.items().stream().map(Snapshot.Item::productId).toList());
    List<BasketView.Line> lines = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    String currency = null;
    int count = 0;
    for (Snapshot.Item item : basket.items()) {
      ProductAvailability entry = catalogue.get(item.productId());
      if (entry == null) {
        lines.add(
            new BasketView.Line(
                item.productId(), null, null, item.quantity(), null, null, null, UNAVAILABLE));
        continue;
      }
      ProductView p = entry.product();
      BigDecimal lineTotal = p.price().multiply(BigDecimal.valueOf(item.quantity()));
      String status = entry.available() >= item.quantity() ? OK : OUT_OF_STOCK;
      lines.add(
          new BasketView.Line(
              p.id(),
              p.sku(),
              p.name(),
              item.quantity(),
              p.price(),
              lineTotal,
              p.currency(),
              status));
      if (OK.equals(status) && (currency == null || currency.equals(p.currency()))) {
        currency = p.currency();
        subtotal = subtotal.add(lineTotal);
        count += item.quantity();
      }
    }
    return new BasketView(basket.id(), lines, count, subtotal, currency);
  }
}
