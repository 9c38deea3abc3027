package io.opencommerce.products.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** A quantity of one product held by a reservation. */
@Embeddable
public class ReservationLine {
  @Column(name = "product_id", nullable = false, length = 36)
  private String productId;

  @Column(nullable = false)
  private int quantity;

  /**
   * The catalogue's price when the units were held (null on lines held before prices were kept).
   */
  @Column(name = "unit_price", precision = 15, scale = 2)
  private BigDecimal unitPrice;

  @Column(length = 3)
  private String currency;

  protected ReservationLine() {}

  public ReservationLine(UUID productId, int quantity) {
    this(productId, quantity, null);
  }

  public ReservationLine(UUID productId, int quantity, Money price) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    this.productId = productId.toString();
    this.quantity = quantity;
    if (price != null) {
      this.unitPrice = price.amount();
      this.currency = price.currency();
    }
  }

  /** The price the units were held at; empty for lines held before prices were kept. */
  public Optional<Money> price() {
    return unitPrice == null ? Optional.empty() : Optional.of(new Money(unitPrice, currency));
  }

  public UUID productId() {
    return UUID.fromString(productId);
  }

  public int quantity() {
    return quantity;
  }
}
