package io.opencommerce.products.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A catalog category of one site, addressed by its slug. */
@Entity
@Table(name = "categories")
public class Category {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Category() {}

  public Category(String site, String slug, String name) {
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site);
    this.slug = Objects.requireNonNull(slug);
    this.name = Objects.requireNonNull(name).strip();
    this.createdAt = Instant.now();
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String site() {
    return site;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }
}
