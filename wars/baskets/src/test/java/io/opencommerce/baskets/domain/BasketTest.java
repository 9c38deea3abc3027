package io.opencommerce.baskets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class BasketTest {
  private final UUID mug = UUID.randomUUID();
  private final UUID lamp = UUID.randomUUID();

  @Test
  void settingAQuantityReplacesIt() {
    Basket basket = Basket.ofCustomer("default", UUID.randomUUID());
    basket.set(mug, 2);
    basket.set(mug, 5);
    assertThat(basket.items())
        .singleElement()
        .satisfies(i -> assertThat(i.quantity()).isEqualTo(5));
  }

  @Test
  void mergingAddsUpAndCapsAtTheMaximum() {
    Basket customer = Basket.ofCustomer("default", UUID.randomUUID());
    customer.set(mug, 60);
    Basket guest = Basket.ofGuest("default", "hash");
    guest.set(mug, 50);
    guest.set(lamp, 1);
    customer.absorb(guest);
    assertThat(customer.items()).extracting(BasketItem::quantity).containsExactly(99, 1);
  }

  @Test
  void removingAndClearing() {
    Basket basket = Basket.ofCustomer("default", UUID.randomUUID());
    basket.set(mug, 1);
    basket.set(lamp, 1);
    basket.remove(mug);
    assertThat(basket.items()).extracting(BasketItem::productId).containsExactly(lamp);
    basket.clear();
    assertThat(basket.items()).isEmpty();
  }

  @Test
  void refusesImpossibleQuantities() {
    Basket basket = Basket.ofCustomer("default", UUID.randomUUID());
    assertThatThrownBy(() -> basket.set(mug, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> basket.set(mug, 100)).isInstanceOf(IllegalArgumentException.class);
  }
}
