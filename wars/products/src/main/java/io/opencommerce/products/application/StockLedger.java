package io.opencommerce.products.application;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.products.domain.ReservationLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Sets the units on hand; refuses a count below what is reserved. */
  public void setOnHand(UUID productId, int onHand) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated =
        em.createNativeQuery(
                "UPDATE stock_levels SET on_hand = ?, updated_at = ?"
                    + " WHERE product_id = ? AND reserved <= ?")
            .setParameter(1, onHand)
            .setParameter(2, now)
            .setParameter(3, productId.toString())
            .setParameter(4, onHand)
            .executeUpdate();
    if (updated == 1) {
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
  }

  /** Holds every line or none: a line that does not fit fails the whole transaction (409). */
  public void reserve(List<ReservationLine> lines) {
    for (ReservationLine line : ordered(lines)) {
      int updated =
          em.createNativeQuery(
                  "UPDATE stock_levels SET reserved = reserved + ?, updated_at = ?"
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
  }

  /** Gives held units back. */
  public void release(List<ReservationLine> lines) {
    for (ReservationLine line : ordered(lines)) {
      em.createNativeQuery(
              "UPDATE stock_levels SET reserved = reserved - ?, updated_at = ? WHERE product_id = ?")
          .setParameter(1, line.quantity())
          .setParameter(2, Timestamp.from(Instant.now()))
          .setParameter(3, line.productId().toString())
          .executeUpdate();
    }
  }

  /** Sells held units: they leave both the reserved and the on-hand count. */
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
              "UPDATE stock_levels SET on_hand = on_hand + ?, updated_at = ? WHERE product_id = ?")
          .setParameter(1, line.quantity())
          .setParameter(2, Timestamp.from(Instant.now()))
          .setParameter(3, line.productId().toString())
          .executeUpdate();
    }
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
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    var query =
        em.createNativeQuery(
            "SELECT product_id, on_hand - reserved FROM stock_levels WHERE product_id IN ("
                + marks
                + ")");
    int position = 1;
    for (UUID id : ids) {
      query.setParameter(position++, id.toString());
    }
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      available.put(UUID.fromString((String) columns[0]), ((Number) columns[1]).intValue());
    }
    return available;
  }

  private static List<ReservationLine> ordered(List<ReservationLine> lines) {
    return lines.stream().sorted(Comparator.comparing(l -> l.productId().toString())).toList();
  }
}
