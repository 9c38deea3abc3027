package io.opencommerce.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.contracts.orders.PostalAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {
  private static final PostalAddress HOME =
      new PostalAddress(
          "Ada Lovelace", null, "1 rue de Rivoli", null, "75001", "Paris", null, "FR", null);
  private static final UUID CUSTOMER = UUID.randomUUID();

  private static Order order() {
    return new Order(
        UUID.randomUUID(),
        "default",
        CUSTOMER,
        "key-1",
        List.of(
            new OrderItem(UUID.randomUUID(), "MUG-1", "Mug", 2, new BigDecimal("12.50")),
            new OrderItem(UUID.randomUUID(), "TEA-1", "Tea", 1, new BigDecimal("4.99"))),
        "EUR",
        HOME,
        HOME,
        UUID.randomUUID(),
        Instant.parse("2026-11-30T10:00:00Z"));
  }

  @Test
  void totalsAreTheSumOfTheLinesAtTheirPrices() {
    Order order = order();
    assertThat(order.subtotal()).isEqualByComparingTo("29.99");
    assertThat(order.total()).isEqualByComparingTo("29.99");
    assertThat(order.itemCount()).isEqualTo(3);
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(order.number()).matches("OC-[0-9A-HJKMNP-TV-Z]{10}");
  }

  @Test
  void everyTransitionIsRecordedInOrder() {
    Order order = order();
    Instant later = Instant.parse("2026-11-30T10:00:01Z");
    order.moveTo(OrderStatus.CONFIRMED, later, Order.SYSTEM, "payment not required");
    order.moveTo(OrderStatus.SHIPPED, later, "carrier:simulated", "shipment in transit");
    order.moveTo(OrderStatus.DELIVERED, later, "carrier:simulated", "shipment delivered");

    assertThat(order.history())
        .extracting(OrderTransition::from, OrderTransition::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, OrderStatus.PLACED),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.PLACED, OrderStatus.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.CONFIRMED, OrderStatus.SHIPPED),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.SHIPPED, OrderStatus.DELIVERED));
    assertThat(order.history().get(0).actor()).isEqualTo(CUSTOMER.toString());
    assertThat(order.updatedAt()).isEqualTo(later);
  }

  @Test
  void aRefusedTransitionChangesNothing() {
    Order order = order();
    order.moveTo(OrderStatus.CONFIRMED, Instant.now(), Order.SYSTEM, null);
    order.moveTo(OrderStatus.SHIPPED, Instant.now(), Order.SYSTEM, null);

    assertThatThrownBy(() -> order.moveTo(OrderStatus.CANCELLED, Instant.now(), "x", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SHIPPED");
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(order.history()).hasSize(3);
  }

  @Test
  void anOrderHoldsAtLeastOneLine() {
    assertThatThrownBy(
            () ->
                new Order(
                    UUID.randomUUID(),
                    "default",
                    CUSTOMER,
                    "k",
                    List.of(),
                    "EUR",
                    HOME,
                    HOME,
                    UUID.randomUUID(),
                    Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLineNeedsAPositiveQuantityAndNoNegativePrice() {
    assertThatThrownBy(() -> new OrderItem(UUID.randomUUID(), "S", "N", 0, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderItem(UUID.randomUUID(), "S", "N", 1, new BigDecimal("-0.01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final UUID SHIPMENT = UUID.randomUUID();
  private static final LocalDate ESTIMATE = LocalDate.parse("2026-12-02");
  private static final Instant NEWS = Instant.parse("2026-12-01T08:00:00Z");

  private static Order confirmed() {
    Order order = order();
    order.moveTo(
        OrderStatus.CONFIRMED,
        Instant.parse("2026-11-30T10:00:01Z"),
        Order.SYSTEM,
        "payment not required");
    return order;
  }

  private static ShipmentFollowUp news(Order order, String status) {
    return order.followShipment(SHIPMENT, "simulated", "SIM79927398713", status, ESTIMATE, NEWS);
  }

  @Test
  void aParcelInTransitShipsAConfirmedOrder() {
    Order order = confirmed();

    ShipmentFollowUp followUp = news(order, ShipmentStatusChanged.IN_TRANSIT);

    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(followUp.moved()).isTrue();
    assertThat(followUp.outOfStep()).isFalse();
    assertThat(followUp.transitions())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.from()).isEqualTo(OrderStatus.CONFIRMED);
              assertThat(t.to()).isEqualTo(OrderStatus.SHIPPED);
              assertThat(t.at()).isEqualTo(NEWS);
              assertThat(t.actor()).isEqualTo("carrier:simulated");
              assertThat(t.reason()).isEqualTo("shipment in transit");
            });
    assertThat(order.history()).hasSize(3).last().isSameAs(followUp.transitions().get(0));
    assertThat(order.shipmentId()).isEqualTo(SHIPMENT);
    assertThat(order.carrier()).isEqualTo("simulated");
    assertThat(order.trackingNumber()).isEqualTo("SIM79927398713");
    assertThat(order.shipmentStatus()).isEqualTo(ShipmentStatusChanged.IN_TRANSIT);
    assertThat(order.estimatedDelivery()).isEqualTo(ESTIMATE);
    assertThat(order.updatedAt()).isEqualTo(NEWS);
  }

  @Test
  void aParcelOutForDeliveryShipsAConfirmedOrderToo() {
    Order order = confirmed();

    ShipmentFollowUp followUp = news(order, ShipmentStatusChanged.OUT_FOR_DELIVERY);

    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(followUp.transitions())
        .singleElement()
        .satisfies(t -> assertThat(t.reason()).isEqualTo("shipment out for delivery"));
  }

  @Test
  void aDeliveredParcelMovesAConfirmedOrderThroughShippedToDelivered() {
    Order order = confirmed();

    ShipmentFollowUp followUp = news(order, ShipmentStatusChanged.DELIVERED);

    assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(followUp.outOfStep()).isFalse();
    assertThat(followUp.transitions())
        .extracting(OrderTransition::from, OrderTransition::to, OrderTransition::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                OrderStatus.CONFIRMED, OrderStatus.SHIPPED, "shipment delivered"),
            org.assertj.core.groups.Tuple.tuple(
                OrderStatus.SHIPPED, OrderStatus.DELIVERED, "shipment delivered"));
    assertThat(order.history()).hasSize(4);
    assertThat(order.shipmentStatus()).isEqualTo(ShipmentStatusChanged.DELIVERED);
  }

  @Test
  void repeatedOrLateNewsChangesNoStatus() {
    Order order = confirmed();
    news(order, ShipmentStatusChanged.IN_TRANSIT);

    ShipmentFollowUp repeated = news(order, ShipmentStatusChanged.IN_TRANSIT);
    assertThat(repeated.moved()).isFalse();
    assertThat(repeated.outOfStep()).isFalse();
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(order.history()).hasSize(3);

    news(order, ShipmentStatusChanged.DELIVERED);
    ShipmentFollowUp late = news(order, ShipmentStatusChanged.OUT_FOR_DELIVERY);
    assertThat(late.moved()).isFalse();
    assertThat(late.outOfStep()).isFalse();
    assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(order.history()).hasSize(4);
    assertThat(order.shipmentStatus())
        .as("a delivered shipment stays delivered")
        .isEqualTo(ShipmentStatusChanged.DELIVERED);
  }

  @Test
  void newsOfAnotherShipmentStatusIsRecordedButMovesNoOrder() {
    Order order = confirmed();

    ShipmentFollowUp followUp = news(order, ShipmentStatusChanged.CREATED);

    assertThat(followUp.moved()).isFalse();
    assertThat(followUp.outOfStep()).isFalse();
    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(order.shipmentStatus()).isEqualTo(ShipmentStatusChanged.CREATED);
    assertThat(news(order, ShipmentStatusChanged.EXCEPTION).moved()).isFalse();
    assertThat(order.history()).hasSize(2);
  }

  @Test
  void aCancelledOrderIsLeftAsItIsWhateverItsShipmentSays() {
    Order order = order();
    order.moveTo(OrderStatus.CANCELLED, Instant.now(), CUSTOMER.toString(), "changed my mind");

    ShipmentFollowUp followUp = news(order, ShipmentStatusChanged.DELIVERED);

    assertThat(followUp.moved()).isFalse();
    assertThat(followUp.outOfStep()).isTrue();
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.history()).hasSize(2);
    assertThat(order.shipmentStatus()).isEqualTo(ShipmentStatusChanged.DELIVERED);
    assertThat(news(order, ShipmentStatusChanged.CANCELLED).outOfStep())
        .as("a cancelled shipment asks nothing of the order")
        .isFalse();
  }

  @Test
  void aPlacedOrderCannotFollowItsShipment() {
    Order order = order();

    ShipmentFollowUp followUp = news(order, ShipmentStatusChanged.IN_TRANSIT);

    assertThat(followUp.outOfStep()).isTrue();
    assertThat(followUp.moved()).isFalse();
    assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
  }
}
