package io.opencommerce.products.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** A quantity of one product held by a reservation. */
@Embeddable
public class ReservationLine {
  @Column(name = "product_id", nullable = false, length = 36)
  private String productId;

  @Column(nullable = false)
  private int quantity;

  protected ReservationLine() {}

  public ReservationLine(UUID productId, int quantity) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    this.productId = productId.toString();
    this.quantity = quantity;
  }

  public UUID productId() {
    return UUID.fromString(productId);
  }

  public int quantity() {
    return quantity;
  }
}
