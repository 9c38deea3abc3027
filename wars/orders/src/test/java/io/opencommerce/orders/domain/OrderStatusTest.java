package io.opencommerce.orders.domain;

import static io.opencommerce.orders.domain.OrderStatus.CANCELLED;
import static io.opencommerce.orders.domain.OrderStatus.CONFIRMED;
import static io.opencommerce.orders.domain.OrderStatus.DELIVERED;
import static io.opencommerce.orders.domain.OrderStatus.PLACED;
import static io.opencommerce.orders.domain.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {
  /** The whole machine: every status and where it may go next. */
  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED =
      Map.of(
          PLACED, EnumSet.of(CONFIRMED, CANCELLED),
          CONFIRMED, EnumSet.of(SHIPPED, CANCELLED),
          SHIPPED, EnumSet.of(DELIVERED),
          DELIVERED, EnumSet.noneOf(OrderStatus.class),
          CANCELLED, EnumSet.noneOf(OrderStatus.class));

  @Test
  void onlyTheDeclaredTransitionsAreAllowed() {
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
      }
    }
  }

  @Test
  void reachedFollowsTheWayToDelivery() {
    assertThat(DELIVERED.reached(SHIPPED)).isTrue();
    assertThat(SHIPPED.reached(SHIPPED)).isTrue();
    assertThat(CONFIRMED.reached(SHIPPED)).isFalse();
    assertThat(CANCELLED.reached(SHIPPED)).isFalse();
    assertThat(SHIPPED.reached(CANCELLED)).isFalse();
  }
}
