package io.opencommerce.baskets.application;

import io.opencommerce.baskets.application.Baskets.Snapshot;
import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.baskets.domain.CatalogueEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prices a basket from the service's own read model of the catalogue ({@link Catalogue}), with no
 * call to another service: each line at the price last published, flagged when the product is gone,
 * retired or not yet known ({@code unavailable}) or short of stock ({@code out-of-stock}); the
 * subtotal counts the lines that can be bought. The checkout holds the units at the catalogue's own
 * price and refuses if it moved meanwhile.
 */
@ApplicationScoped
public class BasketPricing {
  public static final String OK = "ok";
  public static final String UNAVAILABLE = "unavailable";
  public static final String OUT_OF_STOCK = "out-of-stock";

  @Inject Catalogue catalogue;

  public BasketView price(Snapshot basket) {
    Map<UUID, CatalogueEntry> entries =
        catalogue.entries(basket.items().stream().map(Snapshot.Item::productId).toList());
    List<BasketView.Line> lines = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    String currency = null;
    int count = 0;
    for (Snapshot.Item item : basket.items()) {
      CatalogueEntry entry = entries.get(item.productId());
      if (entry == null || !entry.sellable()) {
        lines.add(
            new BasketView.Line(
                item.productId(), null, null, item.quantity(), null, null, null, UNAVAILABLE));
        continue;
      }
      BigDecimal lineTotal = entry.price().multiply(BigDecimal.valueOf(item.quantity()));
      String status = entry.available() >= item.quantity() ? OK : OUT_OF_STOCK;
      lines.add(
          new BasketView.Line(
              entry.productId(),
              entry.sku(),
              entry.name(),
              item.quantity(),
              entry.price(),
              lineTotal,
              entry.currency(),
              status));
      if (OK.equals(status) && (currency == null || currency.equals(entry.currency()))) {
        currency = entry.currency();
        subtotal = subtotal.add(lineTotal);
        count += item.quantity();
      }
    }
    return new BasketView(basket.id(), lines, count, subtotal, currency);
  }
}
