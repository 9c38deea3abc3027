package io.opencommerce.products.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void keepsExactlyTwoDecimals() {
    Money money = new Money(new BigDecimal("12.5"), "EUR");
    assertThat(money.amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(money.toString()).isEqualTo("12.50 EUR");
  }

  @Test
  void equalAmountsAreEqualWhateverTheirScale() {
    assertThat(new Money(new BigDecimal("3"), "EUR"))
        .isEqualTo(new Money(new BigDecimal("3.00"), "EUR"))
        .hasSameHashCodeAs(new Money(new BigDecimal("3.00"), "EUR"));
    assertThat(new Money(BigDecimal.ONE, "EUR")).isNotEqualTo(new Money(BigDecimal.ONE, "USD"));
  }

  @Test
  void refusesNegativeAmountsFractionsOfCentsAndUnknownCurrencyShapes() {
    assertThatThrownBy(() -> new Money(new BigDecimal("-0.01"), "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(new BigDecimal("1.001"), "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, "eur"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroIsAPrice() {
    assertThat(new Money(BigDecimal.ZERO, "EUR").amount()).isEqualByComparingTo("0");
  }
}
