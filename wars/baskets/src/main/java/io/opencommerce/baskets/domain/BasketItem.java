package io.opencommerce.baskets.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** A quantity of one product in a basket. */
@Embeddable
public class BasketItem {
  @Column(name = "product_id", nullable = false, length = 36)
  private String productId;

  @Column(nullable = false)
  private int quantity;

  protected BasketItem() {}

  public BasketItem(UUID productId, int quantity) {
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
