package io.opencommerce.products.application;

import io.opencommerce.contracts.products.StockLevelsChanged;
import io.opencommerce.kit.persistence.IdList;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.products.domain.ReservationLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stock levels, changed only by single conditional UPDATE statements: a reservation succeeds only
 * where {@code on_hand - reserved} covers it, in the database itself, so concurrent checkouts can
 * never sell more than there is. Lines are taken in product order, so two multi-line reservations
 * cannot deadlock each other. Runs inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockLedger {
  @PersistenceContext EntityManager em;
  @Inject Event<StockLevelsChanged> levelsChanged;

  /** Sets the units on hand; refuses a count below what is reserved. */
  public void setOnHand(UUID productId, int onHand) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated =
        em.createNativeQuery(
                "UPDATE stock_levels SET on_hand = ?, version = version + 1, updated_at = ?"
                    + " WHERE product_id = ? AND reserved <= ?")
            .setParameter(1, onHand)
            .setParameter(2, now)
            .setParameter(3, productId.toString())
            .setParameter(4, onHand)
            .executeUpdate();
    if (updated == 1) {
      announce(List.of(productId));
      return;
    }
    if (level(productId) != null) {
      throw ProblemException.conflict(
          "below-reserved", "More units than that are reserved; release them first.");
    }
    em.createNativeQuery(
            "INSERT INTO stock_levels (product_id, on_hand, reserved, updated_at) VALUES (?, ?, 0, ?)")
        .setParameter(1, productId.toString())
        .setParameter(2, onHand)
        .setParameter(3, now)
        .executeUpdate();
    announce(List.of(productId));
  }

  /** Holds every line or none: a line that does not fit fails the whole transaction (409). */
  public void reserve(List<ReservationLine> lines) {
    for (ReservationLine line : ordered(lines)) {
      int updated =
          em.createNativeQuery(
                  "UPDATE stock_levels SET reserved = reserved + ?, version = version + 1, updated_at = ?"
                      + " WHERE product_id = ? AND on_hand - reserved >= ?")
              .setParameter(1, line.quantity())
              .setParameter(2, Timestamp.from(Instant.now()))
              .setParameter(3, line.productId().toString())
              .setParameter(4, line.quantity())
              .executeUpdate();
      if (updated == 0) {
        throw ProblemException.conflict(
            "insufficient-stock",
            "Product " + line.productId() + " has fewer than " + line.quantity() + " units left.");
      }
    }
    announce(productsOf(lines));
  }

  /** Gives held units back. */
  public void release(List<ReservationLine> lines) {
    for (ReservationLine line : ordered(lines)) {
      em.createNativeQuery(
              "UPDATE stock_levels SET reserved = reserved - ?, version = version + 1, updated_at = ?"
                  + " WHERE product_id = ?")
          .setParameter(1, line.quantity())
          .setParameter(2, Timestamp.from(Instant.now()))
          .setParameter(3, line.productId().toString())
          .executeUpdate();
    }
    announce(productsOf(lines));
  }

  /**
   * Sells held units: they leave both the reserved and the on-hand count. The units available do
   * not change (they were held already), so nothing is announced.
   */
  public void commit(List<ReservationLine> lines) {
    for (ReservationLine line : ordered(lines)) {
      em.createNativeQuery(
              "UPDATE stock_levels SET reserved = reserved - ?, on_hand = on_hand - ?,"
                  + " updated_at = ? WHERE product_id = ?")
          .setParameter(1, line.quantity())
          .setParameter(2, line.quantity())
          .setParameter(3, Timestamp.from(Instant.now()))
          .setParameter(4, line.productId().toString())
          .executeUpdate();
    }
  }

  /** Puts sold units back on hand (a cancelled order's). */
  public void restock(List<ReservationLine> lines) {
    for (ReservationLine line : ordered(lines)) {
      em.createNativeQuery(
              "UPDATE stock_levels SET on_hand = on_hand + ?, version = version + 1, updated_at = ?"
                  + " WHERE product_id = ?")
          .setParameter(1, line.quantity())
          .setParameter(2, Timestamp.from(Instant.now()))
          .setParameter(3, line.productId().toString())
          .executeUpdate();
    }
    announce(productsOf(lines));
  }

  /** {on_hand, reserved}, or null when the product has never been counted (nothing to sell). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public int[] level(UUID productId) {
    List<?> rows =
        em.createNativeQuery("SELECT on_hand, reserved FROM stock_levels WHERE product_id = ?")
            .setParameter(1, productId.toString())
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] row = (Object[]) rows.get(0);
    return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
  }

  /** Units available now per product among {@code ids} (never counted: none). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Integer> available(Collection<UUID> ids) {
    Map<UUID, Integer> available = new HashMap<>();
    ids.forEach(id -> available.put(id, 0));
    if (ids.isEmpty()) {
      return available;
    }
    levels(ids).forEach(level -> available.put(level.productId(), level.available()));
    return available;
  }

  /**
   * Publishes the units now available of these products with their stock versions ({@code
   * StockLevelsChanged}), in the transaction that changed them: what the baskets' read model shows
   * as in or out of stock.
   */
  private void announce(Collection<UUID> ids) {
    List<StockLevelsChanged.Level> levels = levels(ids);
    if (!levels.isEmpty()) {
      levelsChanged.fire(new StockLevelsChanged(levels));
    }
  }

  /** The units available and the stock version of those of {@code ids} that were ever counted. */
  private List<StockLevelsChanged.Level> levels(Collection<UUID> ids) {
    return IdList.rows(
            IdList.query(
                em,
                "SELECT product_id, on_hand - reserved, version FROM stock_levels"
                    + " WHERE product_id IN ({ids})",
                ids))
        .stream()
        .map(
            columns ->
                new StockLevelsChanged.Level(
                    UUID.fromString((String) columns[0]),
                    ((Number) columns[1]).intValue(),
                    ((Number) columns[2]).longValue()))
        .toList();
  }

  private static Set<UUID> productsOf(List<ReservationLine> lines) {
    Set<UUID> ids = new TreeSet<>();
    lines.forEach(line -> ids.add(line.productId()));
    return ids;
  }

  private static List<ReservationLine> ordered(List<ReservationLine> lines) {
    return lines.stream().sorted(Comparator.comparing(l -> l.productId().toString())).toList();
  }
}
