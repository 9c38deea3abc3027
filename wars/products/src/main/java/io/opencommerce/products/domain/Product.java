package io.opencommerce.products.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A product of one site's catalog: what it is (SKU, name, description, attributes, category), what
 * it costs, and whether it is still sold. Retired products stay for orders that reference them.
 */
@Entity
@Table(name = "products")
public class Product {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private String name;

  private String description;

  @ManyToOne
  @JoinColumn(name = "category_id")
  private Category category;

  @Embedded private Money price;

  @Convert(converter = AttributesConverter.class)
  private Map<String, String> attributes = new TreeMap<>();

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Product() {}

  public Product(String site, String sku) {
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site);
    this.sku = Objects.requireNonNull(sku);
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  /** Replaces everything an administrator edits. */
  public void describe(
      String name,
      String description,
      Category category,
      Money price,
      Map<String, String> attributes,
      boolean active) {
    this.name = Objects.requireNonNull(name).strip();
    this.description = description;
    this.category = category;
    this.price = Objects.requireNonNull(price);
    this.attributes = attributes == null ? new TreeMap<>() : new TreeMap<>(attributes);
    this.active = active;
    this.updatedAt = Instant.now();
  }

  /** Takes the product out of sale; it stays readable for administrators and past orders. */
  public void retire() {
    this.active = false;
    this.updatedAt = Instant.now();
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String site() {
    return site;
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Category category() {
    return category;
  }

  public Money price() {
    return price;
  }

  public Map<String, String> attributes() {
    return attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public boolean isActive() {
    return active;
  }

  public long version() {
    return version;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
