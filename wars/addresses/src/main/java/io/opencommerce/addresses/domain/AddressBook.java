package io.opencommerce.addresses.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's address book, opened when the account is registered (UserRegistered). */
@Entity
@Table(name = "address_books")
public class AddressBook {
  @Id
  @Column(name = "owner_id", length = 36)
  private String ownerId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String email;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AddressBook() {}

  public AddressBook(UUID ownerId, String displayName, String email) {
    this.ownerId = ownerId.toString();
    this.displayName = displayName;
    this.email = email;
    this.createdAt = Instant.now();
  }

  public String displayName() {
    return displayName;
  }
}
