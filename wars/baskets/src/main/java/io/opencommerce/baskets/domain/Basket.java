package io.opencommerce.baskets.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A customer's basket for one site, or a guest's until it is merged on login. At most 99 of a
 * product and 100 products; setting a quantity replaces it, merging adds up.
 */
@Entity
@Table(name = "baskets")
public class Basket {
  public static final int MAX_QUANTITY = 99;
  public static final int MAX_PRODUCTS = 100;

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  @Column(name = "owner_id", length = 36)
  private String ownerId;

  @Column(name = "guest_token", length = 64)
  private String guestTokenHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "basket_items", joinColumns = @JoinColumn(name = "basket_id"))
  private List<BasketItem> items = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Basket() {}

  private Basket(String site, UUID ownerId, String guestTokenHash) {
    this.id = UUID.randomUUID().toString();
    this.site = site;
    this.ownerId = ownerId == null ? null : ownerId.toString();
    this.guestTokenHash = guestTokenHash;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  public static Basket ofCustomer(String site, UUID ownerId) {
    return new Basket(site, ownerId, null);
  }

  public static Basket ofGuest(String site, String guestTokenHash) {
    return new Basket(site, null, guestTokenHash);
  }

  /** Sets how many of a product the basket holds. */
  public void set(UUID productId, int quantity) {
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new IllegalArgumentException("quantity must be 1.." + MAX_QUANTITY);
    }
    int index = indexOf(productId);
    if (index < 0) {
      if (items.size() >= MAX_PRODUCTS) {
        throw new IllegalStateException("a basket holds at most " + MAX_PRODUCTS + " products");
      }
      items.add(new BasketItem(productId, quantity));
    } else {
      items.set(index, new BasketItem(productId, quantity));
    }
    touch();
  }

  public void remove(UUID productId) {
    int index = indexOf(productId);
    if (index >= 0) {
      items.remove(index);
      touch();
    }
  }

  public void clear() {
    items.clear();
    touch();
  }

  /** Adds another basket's items to this one, capping each product at the maximum. */
  public void absorb(Basket other) {
    for (BasketItem item : other.items()) {
      int index = indexOf(item.productId());
      int current = index < 0 ? 0 : items.get(index).quantity();
      if (index < 0 && items.size() >= MAX_PRODUCTS) {
        continue;
      }
      set(item.productId(), Math.min(MAX_QUANTITY, current + item.quantity()));
    }
  }

  private int indexOf(UUID productId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).productId().equals(productId)) {
        return i;
      }
    }
    return -1;
  }

  private void touch() {
    updatedAt = Instant.now();
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public List<BasketItem> items() {
    return List.copyOf(items);
  }
}
