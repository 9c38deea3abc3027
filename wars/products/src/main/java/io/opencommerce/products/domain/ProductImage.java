package io.opencommerce.products.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One image of a product: its object in the service's bucket, its type, size and position. */
@Entity
@Table(name = "product_images")
public class ProductImage {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "product_id", nullable = false, length = 36)
  private String productId;

  @Column(name = "object_key", nullable = false)
  private String objectKey;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private int position;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ProductImage() {}

  public ProductImage(UUID productId, ImageType type, long size, int position) {
    UUID id = UUID.randomUUID();
    this.id = id.toString();
    this.productId = productId.toString();
    this.objectKey = "products/" + productId + "/" + id + "." + type.extension();
    this.contentType = type.contentType();
    this.size = size;
    this.position = position;
    this.createdAt = Instant.now();
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public UUID productId() {
    return UUID.fromString(productId);
  }

  public String objectKey() {
    return objectKey;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public int position() {
    return position;
  }
}
