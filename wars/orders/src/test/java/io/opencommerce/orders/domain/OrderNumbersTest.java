package io.opencommerce.orders.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.security.HmacKey;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {
  private static final HmacKey SECRET =
      HmacKey.of("a-test-secret-of-32-bytes-length".getBytes(UTF_8));

  @Test
  void theSameCheckoutNamesTheSameOrder() {
    UUID customer = UUID.randomUUID();
    assertThat(OrderNumbers.idFor(SECRET, customer, "k1"))
        .isEqualTo(OrderNumbers.idFor(SECRET, customer, "k1"));
    assertThat(OrderNumbers.idFor(SECRET, customer, "k1"))
        .isNotEqualTo(OrderNumbers.idFor(SECRET, customer, "k2"));
    assertThat(OrderNumbers.idFor(SECRET, customer, "k1"))
        .isNotEqualTo(OrderNumbers.idFor(SECRET, UUID.randomUUID(), "k1"));
  }

  @Test
  void nobodyWithoutTheSecretCanTellAnOrdersId() {
    UUID customer = UUID.randomUUID();
    UUID id = OrderNumbers.idFor(SECRET, customer, "k1");
    assertThat(id)
        .isNotEqualTo(
            OrderNumbers.idFor(
                HmacKey.of("another-secret-of-32-bytes-length".getBytes(UTF_8)), customer, "k1"))
        .isNotEqualTo(UUID.nameUUIDFromBytes(("order:" + customer + ":k1").getBytes(UTF_8)));
    assertThat(id.version()).isEqualTo(8);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> OrderNumbers.idFor(HmacKey.of(new byte[8]), UUID.randomUUID(), "k1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersAreReadableAndDistinct() {
    UUID customer = UUID.randomUUID();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String number = OrderNumbers.numberOf(OrderNumbers.idFor(SECRET, customer, "key-" + i));
      assertThat(number).matches("OC-[0-9A-HJKMNP-TV-Z]{10}");
      numbers.add(number);
    }
    assertThat(numbers).hasSize(10_000);
  }
}
