package io.opencommerce.deliveries.domain;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.kit.persistence.Owned;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The parcel of one order: booked with a carrier (its tracking number and estimated delivery date),
 * addressed to a copy of the order's shipping address, and moved along its {@link ShipmentStatus}
 * by the carrier's reports, or cancelled with its order while the parcel has not left. Each
 * accepted change is kept as a {@link TrackingEvent}; reporting the current status again changes
 * nothing, since carriers resend.
 */
@Entity
@Table(name = "shipments")
public class Shipment implements Owned {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  @Column(name = "order_id", nullable = false, length = 36)
  private String orderId;

  @Column(name = "order_number", nullable = false)
  private String orderNumber;

  @Column(name = "customer_id", length = 36)
  private String customerId;

  @Embedded private DeliveryAddress address;

  @Column(name = "item_count", nullable = false)
  private int itemCount;

  @Column(nullable = false)
  private String carrier;

  @Column(name = "tracking_number", nullable = false)
  private String trackingNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ShipmentStatus status;

  @Column(name = "estimated_delivery", nullable = false)
  private LocalDate estimatedDelivery;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @OneToMany(mappedBy = "shipment", cascade = CascadeType.PERSIST)
  @OrderBy("seq ASC")
  private List<TrackingEvent> events = new ArrayList<>();

  @Version private long version;

  protected Shipment() {}

  /** A shipment just booked with its carrier: {@code CREATED}, with that first step recorded. */
  public Shipment(
      String site,
      UUID orderId,
      String orderNumber,
      UUID customerId,
      DeliveryAddress address,
      int itemCount,
      String carrier,
      String trackingNumber,
      LocalDate estimatedDelivery,
      Instant placedAt,
      Instant now) {
    if (itemCount < 0) {
      throw new IllegalArgumentException("itemCount must not be negative");
    }
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site, "site is required");
    this.orderId = orderId.toString();
    this.orderNumber = Objects.requireNonNull(orderNumber, "orderNumber is required");
    this.customerId = customerId == null ? null : customerId.toString();
    this.address = Objects.requireNonNull(address, "address is required");
    this.itemCount = itemCount;
    this.carrier = Objects.requireNonNull(carrier, "carrier is required");
    this.trackingNumber = Objects.requireNonNull(trackingNumber, "trackingNumber is required");
    this.estimatedDelivery = Objects.requireNonNull(estimatedDelivery);
    this.placedAt = Objects.requireNonNull(placedAt);
    this.createdAt = now;
    this.updatedAt = now;
    this.status = ShipmentStatus.CREATED;
    this.events.add(
        new TrackingEvent(
            this, 1, ShipmentStatus.CREATED, now, null, "Shipping label created.", now));
  }

  /**
   * Records that the shipment reached {@code next}. Returns the new step of its journey, or nothing
   * when it already was there (a resent report).
   *
   * @throws IllegalTransitionException when the shipment cannot go there from where it is
   */
  public Optional<TrackingEvent> moveTo(
      ShipmentStatus next, Instant occurredAt, String location, String description, Instant now) {
    Objects.requireNonNull(next, "status is required");
    if (next == status) {
      return Optional.empty();
    }
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    TrackingEvent event =
        new TrackingEvent(
            this,
            events.size() + 1,
            next,
            occurredAt == null ? now : occurredAt,
            location,
            description,
            now);
    events.add(event);
    status = next;
    updatedAt = now;
    return Optional.of(event);
  }

  /**
   * Cancels the shipment while its parcel has not left, with {@code reason} as that step's
   * description. Returns the new step of its journey, or nothing when it already was cancelled.
   *
   * @throws IllegalTransitionException when the parcel is on its way, or was delivered
   */
  public Optional<TrackingEvent> cancel(String reason, Instant now) {
    return moveTo(ShipmentStatus.CANCELLED, now, null, reason, now);
  }

  /**
   * What is published of the shipment as it stands now ({@link ShipmentStatusChanged}), for the
   * change that took place {@code at}.
   */
  public ShipmentStatusChanged statusChanged(Instant at) {
    return new ShipmentStatusChanged(
        id(),
        orderId(),
        customerId(),
        carrier,
        trackingNumber,
        status.name(),
        estimatedDelivery,
        at);
  }

  @Override
  public boolean isOwnedBy(UUID customer) {
    return customerId != null && customerId.equals(customer.toString());
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  public UUID orderId() {
    return UUID.fromString(orderId);
  }

  public String orderNumber() {
    return orderNumber;
  }

  /** The customer who ordered, or null for an order without an account. */
  public UUID customerId() {
    return customerId == null ? null : UUID.fromString(customerId);
  }

  public DeliveryAddress address() {
    return address;
  }

  public int itemCount() {
    return itemCount;
  }

  public String carrier() {
    return carrier;
  }

  public String trackingNumber() {
    return trackingNumber;
  }

  public ShipmentStatus status() {
    return status;
  }

  public LocalDate estimatedDelivery() {
    return estimatedDelivery;
  }

  public Instant placedAt() {
    return placedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The journey so far, oldest first. */
  public List<TrackingEvent> events() {
    return List.copyOf(events);
  }
}
