package io.opencommerce.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {
  @Test
  void theSameCheckoutNamesTheSameOrder() {
    UUID customer = UUID.randomUUID();
    assertThat(OrderNumbers.idFor(customer, "k1")).isEqualTo(OrderNumbers.idFor(customer, "k1"));
    assertThat(OrderNumbers.idFor(customer, "k1")).isNotEqualTo(OrderNumbers.idFor(customer, "k2"));
    assertThat(OrderNumbers.idFor(customer, "k1"))
        .isNotEqualTo(OrderNumbers.idFor(UUID.randomUUID(), "k1"));
  }

  @Test
  void numbersAreReadableAndDistinct() {
    UUID customer = UUID.randomUUID();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String number = OrderNumbers.numberOf(OrderNumbers.idFor(customer, "key-" + i));
      assertThat(number).matches("OC-[0-9A-HJKMNP-TV-Z]{10}");
      numbers.add(number);
    }
    assertThat(numbers).hasSize(10_000);
  }
}
