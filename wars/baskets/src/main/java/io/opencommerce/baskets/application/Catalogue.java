package io.opencommerce.baskets.application;

import io.opencommerce.baskets.domain.CatalogueEntry;
import io.opencommerce.contracts.products.ProductChanged;
import io.opencommerce.contracts.products.StockLevelsChanged;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.persistence.IdList;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.products.client.ProductView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The baskets service's read model of the catalogue: name, price, currency, whether each product is
 * still sold and the units available, kept from the products service's {@code ProductChanged} and
 * {@code StockLevelsChanged} events. Reading a basket asks no other service: everything it shows
 * comes from here. Each event carries a version; an update applies only if it is newer than what
 * the row holds, so redelivered and crossed events never roll a product back.
 */
@ApplicationScoped
@Transactional
public class Catalogue {
  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;

  /** The entries of these products that the read model knows; others are missing. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, CatalogueEntry> entries(Collection<UUID> ids) {
    Map<UUID, CatalogueEntry> entries = new HashMap<>();
    if (ids.isEmpty()) {
      return entries;
    }
    for (Object[] c :
        IdList.rows(
            IdList.query(
                em,
                "SELECT product_id, sku, name, price, currency, active, product_version,"
                    + " stock_version, available FROM catalogue_products WHERE site = ? AND product_id IN ({ids})",
                ids,
                request.site()))) {
      UUID id = UUID.fromString((String) c[0]);
      entries.put(
          id,
          new CatalogueEntry(
              id,
              (String) c[1],
              (String) c[2],
              (BigDecimal) c[3],
              (String) c[4],
              truth(c[5]),
              ((Number) c[6]).longValue() >= 0,
              ((Number) c[7]).longValue() >= 0,
              ((Number) c[8]).intValue()));
    }
    return entries;
  }

  void productChanged(@Observes @Received(inAnyOrder = true) ProductChanged event) {
    upsert(
        new Description(
            event.productId(),
            event.sku(),
            event.name(),
            event.price(),
            event.currency(),
            event.active(),
            event.version()),
        null);
  }

  void stockChanged(@Observes @Received(inAnyOrder = true) StockLevelsChanged event) {
    event.levels().stream()
        .sorted(Comparator.comparing(level -> level.productId().toString()))
        .forEach(
            level ->
                upsert(null, new Count(level.productId(), level.available(), level.version())));
  }

  /**
   * Learns a product from the catalogue's own answer (a customer adds a product the read model has
   * not heard of yet). Applies like an event of the same version, so it never overwrites newer
   * news; the stock is taken only while the model has none.
   */
  public void learn(ProductAvailability answer) {
    ProductView p = answer.product();
    upsert(
        new Description(
            p.id(), p.sku(), p.name(), p.price(), p.currency(), p.active(), p.version()),
        new Count(p.id(), answer.available(), 0));
  }

  /** What a {@code ProductChanged} says of a product, at its version. */
  private record Description(
      UUID id,
      String sku,
      String name,
      BigDecimal price,
      String currency,
      boolean active,
      long version) {}

  /** What a {@code StockLevelsChanged} says of a product's units, at its stock version. */
  private record Count(UUID id, int available, long version) {}

  /**
   * Applies what is newer than the row holds, in one statement: it inserts the row if the product
   * is new to the model, and otherwise takes each half (description, count) only if its version is
   * above the stored one ({@code -1}: this update brings no such half). One statement locks one row
   * once, so concurrent events and a customer's first add never deadlock. (Assignments run left to
   * right: each half's version is set last.)
   */
  private void upsert(Description description, Count count) {
    UUID id = description != null ? description.id() : count.id();
    long productVersion = description == null ? -1 : description.version();
    long stockVersion = count == null ? -1 : count.version();
    em.createNativeQuery(
            "INSERT INTO catalogue_products (product_id, site, sku, name, price, currency, active,"
                + " product_version, available, stock_version, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " sku = IF(VALUES(product_version) > product_version, VALUES(sku), sku),"
                + " name = IF(VALUES(product_version) > product_version, VALUES(name), name),"
                + " price = IF(VALUES(product_version) > product_version, VALUES(price), price),"
                + " currency = IF(VALUES(product_version) > product_version,"
                + " VALUES(currency), currency),"
                + " active = IF(VALUES(product_version) > product_version, VALUES(active), active),"
                + " product_version = GREATEST(product_version, VALUES(product_version)),"
                + " available = IF(VALUES(stock_version) > stock_version,"
                + " VALUES(available), available),"
                + " stock_version = GREATEST(stock_version, VALUES(stock_version)),"
                + " updated_at = VALUES(updated_at)")
        .setParameter(1, id.toString())
        .setParameter(2, request.site())
        .setParameter(3, description == null ? null : description.sku())
        .setParameter(4, description == null ? null : description.name())
        .setParameter(5, description == null ? null : description.price())
        .setParameter(6, description == null ? null : description.currency())
        .setParameter(7, description != null && description.active())
        .setParameter(8, productVersion)
        .setParameter(9, count == null ? 0 : count.available())
        .setParameter(10, stockVersion)
        .setParameter(11, now())
        .executeUpdate();
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  private static boolean truth(Object column) {
    return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
  }
}
