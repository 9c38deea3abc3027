package io.opencommerce.products.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/** An exact amount in an ISO 4217 currency: never negative, at most two decimals. */
@Embeddable
public class Money {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  @Column(name = "price_amount", nullable = false, precision = 15, scale = 2)
  private BigDecimal amount;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  protected Money() {}

  public Money(BigDecimal amount, String currency) {
    Objects.requireNonNull(amount, "amount is required");
    Objects.requireNonNull(currency, "currency is required");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("amount must have at most two decimals");
    }
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code");
    }
    this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    this.currency = currency;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Money money
        && amount.compareTo(money.amount) == 0
        && currency.equals(money.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), currency);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
