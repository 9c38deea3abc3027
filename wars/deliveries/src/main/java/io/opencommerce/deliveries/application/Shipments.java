package io.opencommerce.deliveries.application;

import io.opencommerce.deliveries.domain.Shipment;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shipments as they are read: one by id for its customer or the staff, one by tracking number for
 * anyone (public tracking), one by order, and the lists of the current site. Shipments are opened
 * and cancelled with their orders by {@link ShipmentBooking}, and moved along by {@link
 * ShipmentProgress}.
 */
@ApplicationScoped
@Transactional
public class Shipments {
  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;

  /** Which shipments a list shows; null fields do not filter. */
  public record Filter(UUID customerId, ShipmentStatus status, UUID orderId) {}

  /** A shipment of the current site, its journey loaded; 404 unless the caller may see it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Shipment get(UUID id, UUID caller, boolean admin) {
    Shipment shipment = records.find(em, Shipment.class, id, caller, admin);
    shipment.events(); // loaded while the persistence context is open
    return shipment;
  }

  /**
   * The shipment of an order of this site, its journey loaded, for the order's customer or for
   * staff who see every customer's; 404 otherwise, and while the order has none.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Shipment ofOrder(UUID orderId, UUID caller, boolean admin) {
    Shipment shipment =
        byOrder(orderId).orElseThrow(() -> ProblemException.notFound("Shipment of order", orderId));
    Shipment owned = records.find(em, Shipment.class, shipment.id(), caller, admin);
    owned.events(); // loaded while the persistence context is open
    return owned;
  }

  /** A shipment by its tracking number, on any site (public tracking), its journey loaded. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Shipment> byTrackingNumber(String trackingNumber) {
    Optional<Shipment> shipment =
        em.createQuery("SELECT s FROM Shipment s WHERE s.trackingNumber = :number", Shipment.class)
            .setParameter("number", trackingNumber)
            .getResultStream()
            .findFirst();
    shipment.ifPresent(Shipment::events);
    return shipment;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Shipment> byOrder(UUID orderId) {
    return em.createQuery("SELECT s FROM Shipment s WHERE s.orderId = :order", Shipment.class)
        .setParameter("order", orderId.toString())
        .getResultStream()
        .findFirst();
  }

  /** Shipments of the current site, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Shipment> page(Filter filter, int limit, int offset) {
    return where(
            "SELECT s FROM Shipment s",
            " ORDER BY s.createdAt DESC, s.id DESC",
            filter,
            Shipment.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    return where("SELECT COUNT(s) FROM Shipment s", "", filter, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> where(String select, String order, Filter filter, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("s.site = :site", "site", request.site())
            .and("s.customerId = :customer", "customer", text(filter.customerId()))
            .and("s.status = :status", "status", filter.status())
            .and("s.orderId = :order", "order", text(filter.orderId()));
    return where.bind(em.createQuery(select + where.where() + order, type));
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
