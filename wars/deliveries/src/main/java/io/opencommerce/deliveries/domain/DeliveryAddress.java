package io.opencommerce.deliveries.domain;

import io.opencommerce.contracts.orders.PostalAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a shipment goes: a copy of the order's shipping address taken when the order was placed, so
 * later changes to the customer's address book never move a parcel already on its way.
 */
@Embeddable
public class DeliveryAddress {
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

  protected DeliveryAddress() {}

  public DeliveryAddress(
      String recipient,
      String company,
      String line1,
      String line2,
      String postalCode,
      String city,
      String region,
      String country,
      String phone) {
    this.recipient = Objects.requireNonNull(recipient, "recipient is required");
    this.company = company;
    this.line1 = Objects.requireNonNull(line1, "line1 is required");
    this.line2 = line2;
    this.postalCode = Objects.requireNonNull(postalCode, "postalCode is required");
    this.city = Objects.requireNonNull(city, "city is required");
    this.region = region;
    this.country = Objects.requireNonNull(country, "country is required");
    this.phone = phone;
  }

  /** The copy of an order's shipping address, its country code in capitals. */
  public static DeliveryAddress of(PostalAddress to) {
    return new DeliveryAddress(
        to.recipient(),
        to.company(),
        to.line1(),
        to.line2(),
        to.postalCode(),
        to.city(),
        to.region(),
        to.country() == null ? null : to.country().strip().toUpperCase(Locale.ROOT),
        to.phone());
  }

  /** The address as the platform's contracts carry it. */
  public PostalAddress toPostalAddress() {
    return new PostalAddress(
        recipient, company, line1, line2, postalCode, city, region, country, phone);
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
}
