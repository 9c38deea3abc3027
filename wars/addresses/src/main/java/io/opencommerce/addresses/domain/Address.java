package io.opencommerce.addresses.domain;

import io.opencommerce.kit.persistence.Owned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One address in a customer's book, possibly their default billing or shipping address. */
@Entity
@Table(name = "addresses")
public class Address implements Owned {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  @Column(name = "owner_id", nullable = false, length = 36)
  private String ownerId;

  private String label;

  @Column(nullable = false)
  private String recipient;

  private String company;

  @Column(nullable = false)
  private String line1;

  private String line2;

  @Column(name = "postal_code", nullable = false)
  private String postalCode;

  @Column(nullable = false)
  private String city;

  private String region;

  @Column(nullable = false, length = 2)
  private String country;

  private String phone;

  @Column(name = "default_billing", nullable = false)
  private boolean defaultBilling;

  @Column(name = "default_shipping", nullable = false)
  private boolean defaultShipping;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Address() {}

  public Address(String site, UUID ownerId) {
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site);
    this.ownerId = ownerId.toString();
    this.createdAt = Instant.now();
  }

  /** Replaces what the owner entered; checked against {@link CountryRules} by the caller. */
  public void describe(
      String label,
      String recipient,
      String company,
      String line1,
      String line2,
      String postalCode,
      String city,
      String region,
      String country,
      String phone) {
    this.label = label;
    this.recipient = Objects.requireNonNull(recipient).strip();
    this.company = company;
    this.line1 = Objects.requireNonNull(line1).strip();
    this.line2 = line2;
    this.postalCode = CountryRules.normalizePostalCode(postalCode);
    this.city = Objects.requireNonNull(city).strip();
    this.region = region == null ? null : region.strip();
    this.country = country;
    this.phone = phone;
    this.updatedAt = Instant.now();
  }

  public void markDefaultBilling(boolean value) {
    this.defaultBilling = value;
  }

  public void markDefaultShipping(boolean value) {
    this.defaultShipping = value;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  public UUID ownerId() {
    return UUID.fromString(ownerId);
  }

  @Override
  public boolean isOwnedBy(UUID customer) {
    return ownerId.equals(customer.toString());
  }

  public String label() {
    return label;
  }

  public String recipient() {
    return recipient;
  }

  public String company() {
    return company;
  }

  public String line1() {
    return line1;
  }

  public String line2() {
    return line2;
  }

  public String postalCode() {
    return postalCode;
  }

  public String city() {
    return city;
  }

  public String region() {
    return region;
  }

  public String country() {
    return country;
  }

  public String phone() {
    return phone;
  }

  public boolean isDefaultBilling() {
    return defaultBilling;
  }

  public boolean isDefaultShipping() {
    return defaultShipping;
  }

  public long version() {
    return version;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
