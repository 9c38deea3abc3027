package io.opencommerce.orders.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** One product of an order, as the catalog described and priced it at checkout. */
@Embeddable
public class OrderItem {
  @Column(name = "product_id", nullable = false, length = 36)
  private String productId;

  @Column(nullable = false, length = 64)
  private String sku;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
  private BigDecimal unitPrice;

  protected OrderItem() {}

  public OrderItem(UUID productId, String sku, String name, int quantity, BigDecimal unitPrice) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    if (unitPrice == null || unitPrice.signum() < 0) {
      throw new IllegalArgumentException("unit price must not be negative");
    }
    this.productId = productId.toString();
    this.sku = Objects.requireNonNull(sku);
    this.name = Objects.requireNonNull(name);
    this.quantity = quantity;
    this.unitPrice = unitPrice;
  }

  public UUID productId() {
    return UUID.fromString(productId);
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  public BigDecimal lineTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
