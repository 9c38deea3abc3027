package io.opencommerce.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.orders.PostalAddress;
import java.math.BigDecimal;
import java.time.Instant;
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
}
