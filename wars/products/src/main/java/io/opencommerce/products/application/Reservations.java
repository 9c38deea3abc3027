package io.opencommerce.products.application;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.contracts.orders.OrderCancelled;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.contracts.products.StockCommitted;
import io.opencommerce.contracts.products.StockLine;
import io.opencommerce.contracts.products.StockReleased;
import io.opencommerce.contracts.products.StockReserved;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.products.domain.Money;
import io.opencommerce.products.domain.Product;
import io.opencommerce.products.domain.Reservation;
import io.opencommerce.products.domain.ReservationLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Reservations: hold units for a checkout (idempotently, per calling service and {@code
 * Idempotency-Key}), then commit or release them; expired ones are released by {@link
 * ReservationExpiry}. Each step changes the stock levels and publishes its event in one
 * transaction. The stock side of orders lives here too: a placed order's reservation is sold, a
 * cancelled order's units come back, whether they were still held or already sold.
 */
@ApplicationScoped
@Transactional
public class Reservations {
  public static final Duration DEFAULT_HOLD = Duration.ofMinutes(15);
  private static final Logger LOG = Logger.getLogger(Reservations.class.getName());

  @PersistenceContext EntityManager em;
  @Inject StockLedger stock;
  @Inject Catalog catalog;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;
  @Inject Event<StockReserved> reserved;
  @Inject Event<StockReleased> released;
  @Inject Event<StockCommitted> committed;

  /**
   * Holds the units of every line or of none, for {@code customer}, on behalf of the calling
   * service {@code client}. A line with an expected price is held only at that price: if any
   * product's price moved, nothing is held and the answer is 409 {@code prices-changed} carrying
   * today's prices (member {@code prices}).
   */
  public Reservation reserve(
      String client,
      UUID customer,
      Map<UUID, Integer> quantities,
      Map<UUID, Money> expectedPrices,
      String reference,
      String key,
      Duration holdFor) {
    List<ReservationLine> lines = new ArrayList<>();
    List<FieldViolation> moved = new ArrayList<>();
    List<CurrentPrice> prices = new ArrayList<>();
    for (Map.Entry<UUID, Integer> line : quantities.entrySet()) {
      // 404 for unknown, retired or other sites' products
      Product product = catalog.get(line.getKey(), false);
      Money expected = expectedPrices.get(line.getKey());
      if (expected != null && !expected.equals(product.price())) {
        moved.add(
            new FieldViolation(
                "body.lines." + product.id() + ".unitPrice",
                "is now " + product.price() + ", not " + expected));
      }
      prices.add(
          new CurrentPrice(product.id(), product.price().amount(), product.price().currency()));
      lines.add(new ReservationLine(line.getKey(), line.getValue(), product.price()));
    }
    if (!moved.isEmpty()) {
      throw ProblemException.conflict(
              "prices-changed", "Prices changed since they were shown; nothing was held.", moved)
          .with("prices", prices);
    }
    stock.reserve(lines);
    Reservation reservation =
        new Reservation(
            request.site(), client, customer, reference, key, lines, Instant.now(), holdFor);
    em.persist(reservation);
    em.flush(); // a concurrent replay of the same key fails here, on the unique key
    reserved.fire(
        new StockReserved(
            reservation.id(), reference, stockLines(reservation), reservation.expiresAt()));
    return reservation;
  }

  /** A product's price now, as a {@code prices-changed} refusal lists it. */
  public record CurrentPrice(UUID productId, BigDecimal unitPrice, String currency) {}

  /** The reservation an earlier request of this service with this key made, if any. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Reservation> byKey(String client, String key) {
    return em.createQuery(
            "SELECT r FROM Reservation r WHERE r.client = :client AND r.idempotencyKey = :key",
            Reservation.class)
        .setParameter("client", client)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /**
   * A reservation of the request's site that {@code client} made; any with {@code client} null (an
   * administrator). Otherwise 404, so one service cannot probe another's reservations.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Reservation get(UUID id, String client) {
    return records.find(
        em, Reservation.class, id, r -> client == null || r.client().equals(client));
  }

  public Reservation commit(UUID id, String client) {
    Reservation reservation = locked(id, client);
    if (!reservation.commit(Instant.now())) {
      throw ProblemException.conflict(
          "reservation-not-held",
          "The reservation is " + reservation.status() + " and cannot be committed.");
    }
    stock.commit(reservation.lines());
    committed.fire(
        new StockCommitted(reservation.id(), reservation.reference(), stockLines(reservation)));
    return reservation;
  }

  public Reservation release(UUID id, String client) {
    Reservation reservation = locked(id, client);
    if (reservation.release(Instant.now())) {
      stock.release(reservation.lines());
      released.fire(
          new StockReleased(
              reservation.id(), reservation.reference(), stockLines(reservation), "released"));
    } else if (reservation.status() == Reservation.Status.COMMITTED) {
      throw ProblemException.conflict(
          "reservation-committed", "The reservation was committed; its units are sold.");
    }
    return reservation;
  }

  void placed(@Observes @Received(inAnyOrder = true) OrderPlaced order) {
    commitForOrder(order.reservationId(), order.number());
  }

  void cancelled(@Observes @Received(inAnyOrder = true) OrderCancelled order) {
    giveBackForOrder(order.reservationId(), order.number());
  }

  /**
   * Sells the units an order reserved. A reservation that ran out of time before the order arrived
   * (this service was down meanwhile) is sold all the same if the units are still there; if they
   * are not, the handling fails and the event ends in the dead-letter queue for an operator. A
   * reservation released meanwhile (the order was cancelled first) is left as it is.
   */
  void commitForOrder(UUID id, String order) {
    Reservation reservation = lockedForOrder(id, order).orElse(null);
    if (reservation == null) {
      return;
    }
    Instant now = Instant.now();
    expire(reservation, now);
    if (reservation.commit(now)) {
      stock.commit(reservation.lines());
    } else if (reservation.status() == Reservation.Status.EXPIRED) {
      try {
        stock.reserve(reservation.lines());
      } catch (ProblemException e) {
        LOG.severe(
            () ->
                "Order "
                    + order
                    + " cannot be fulfilled: its reservation "
                    + id
                    + " expired and the units are gone ("
                    + e.getMessage()
                    + ")");
        throw e;
      }
      reservation.commitLate(now);
      stock.commit(reservation.lines());
      LOG.warning(
          () ->
              "Reservation "
                  + id
                  + " expired before order "
                  + order
                  + " arrived; its units were taken again and sold");
    } else {
      if (reservation.status() != Reservation.Status.COMMITTED) {
        LOG.info(
            () ->
                "Reservation "
                    + id
                    + " of order "
                    + order
                    + " is "
                    + reservation.status()
                    + "; nothing to sell");
      }
      return;
    }
    committed.fire(
        new StockCommitted(reservation.id(), reservation.reference(), stockLines(reservation)));
  }

  /**
   * Gives a cancelled order's units back: released while held, put back on hand once sold. Any
   * later repetition changes nothing.
   */
  void giveBackForOrder(UUID id, String order) {
    Reservation reservation = lockedForOrder(id, order).orElse(null);
    if (reservation == null) {
      return;
    }
    Instant now = Instant.now();
    if (reservation.release(now)) {
      stock.release(reservation.lines());
    } else if (reservation.giveBack(now)) {
      stock.restock(reservation.lines());
    } else {
      return;
    }
    released.fire(
        new StockReleased(
            reservation.id(), reservation.reference(), stockLines(reservation), "order-cancelled"));
  }

  /** Releases up to {@code max} expired reservations; returns how many. */
  public int expire(int max) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM reservations WHERE status = 'HELD' AND expires_at <= ?"
                    + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, java.sql.Timestamp.from(Instant.now()))
            .setParameter(2, max)
            .getResultList();
    int expired = 0;
    for (String id : ids) {
      Reservation reservation = em.find(Reservation.class, id);
      if (reservation != null && expire(reservation, Instant.now())) {
        expired++;
      }
    }
    if (expired > 0) {
      int count = expired;
      LOG.info(() -> "Released " + count + " expired reservation(s)");
    }
    return expired;
  }

  /** Ends a held reservation whose time is up and puts its units back on sale. */
  private boolean expire(Reservation reservation, Instant now) {
    if (!reservation.expire(now)) {
      return false;
    }
    stock.release(reservation.lines());
    released.fire(
        new StockReleased(
            reservation.id(), reservation.reference(), stockLines(reservation), "expired"));
    return true;
  }

  /** The reservation an order names, locked; empty (logged) when there is none. */
  private Optional<Reservation> lockedForOrder(UUID id, String order) {
    Reservation reservation = em.find(Reservation.class, id.toString());
    if (reservation == null) {
      LOG.warning(() -> "Order " + order + " names unknown reservation " + id);
      return Optional.empty();
    }
    em.refresh(reservation, LockModeType.PESSIMISTIC_WRITE);
    return Optional.of(reservation);
  }

  private Reservation locked(UUID id, String client) {
    Reservation reservation = get(id, client);
    em.refresh(reservation, LockModeType.PESSIMISTIC_WRITE);
    return reservation;
  }

  private static List<StockLine> stockLines(Reservation reservation) {
    return reservation.lines().stream()
        .map(l -> new StockLine(l.productId(), l.quantity()))
        .toList();
  }

  /** Adds up lines that name the same product. */
  public static Map<UUID, Integer> merge(List<UUID> products, List<Integer> quantities) {
    Map<UUID, Integer> merged = new HashMap<>();
    for (int i = 0; i < products.size(); i++) {
      merged.merge(products.get(i), quantities.get(i), Integer::sum);
    }
    return merged;
  }
}
