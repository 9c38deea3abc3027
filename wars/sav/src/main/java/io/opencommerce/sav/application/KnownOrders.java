package io.opencommerce.sav.application;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.sav.domain.KnownOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The read model of placed orders ({@code OrderPlaced}): which customer each order number belongs
 * to, so that a ticket can name one of its customer's orders without a call to the orders service.
 */
@ApplicationScoped
@Transactional
public class KnownOrders {
  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;

  /** Learns a placed order; one event per order, so any order of handling will do. */
  void placed(@Observes @Received(inAnyOrder = true) OrderPlaced order) {
    if (em.find(KnownOrder.class, order.orderId().toString()) == null) {
      em.persist(
          new KnownOrder(
              order.orderId(),
              order.number(),
              order.customerId(),
              request.site(),
              order.placedAt() == null ? java.time.Instant.now() : order.placedAt()));
    }
  }

  /**
   * Refuses (422 {@code unknown-order}, naming {@code body.orderNumber}) an order number that is
   * not one of {@code customer}'s orders — someone else's and one that does not exist alike.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void requireOwn(String number, UUID customer) {
    List<KnownOrder> found =
        em.createQuery("SELECT o FROM KnownOrder o WHERE o.number = :number", KnownOrder.class)
            .setParameter("number", number)
            .getResultList();
    if (found.isEmpty() || !found.get(0).isOwnedBy(customer)) {
      throw ProblemException.unprocessable(
          "unknown-order",
          "Order " + number + " is not one of your orders.",
          List.of(new FieldViolation("body.orderNumber", "is not one of your orders")));
    }
  }
}
