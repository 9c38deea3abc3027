package io.opencommerce.orders.domain;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.kit.persistence.Owned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's order: copies of the products' prices and of the addresses as they were at checkout,
 * the stock reservation that holds its units, the payment step's outcome, the shipment once booked,
 * and every status change in {@link #history()}. The entity is named {@code CustomerOrder} because
 * {@code ORDER} is a reserved word in JPQL.
 */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
public class Order implements Owned {
  /** Who changes an order when no person does. */
  public static final String SYSTEM = "system";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 20)
  private String number;

  @Column(nullable = false)
  private String site;

  @Column(name = "customer_id", nullable = false, length = 36)
  private String customerId;

  @Column(name = "idempotency_key", nullable = false, length = 100)
  private String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OrderStatus status;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "position")
  private List<OrderItem> lines = new ArrayList<>();

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal subtotal;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal total;

  @Column(nullable = false, length = 3)
  private String currency;

  @Convert(converter = PostalAddressConverter.class)
  @Column(name = "shipping_address", nullable = false)
  private PostalAddress shippingAddress;

  @Convert(converter = PostalAddressConverter.class)
  @Column(name = "billing_address", nullable = false)
  private PostalAddress billingAddress;

  @Column(name = "reservation_id", nullable = false, length = 36)
  private String reservationId;

  @Column(name = "payment_provider", length = 40)
  private String paymentProvider;

  @Column(name = "payment_status", length = 20)
  private String paymentStatus;

  @Column(name = "payment_reference", length = 100)
  private String paymentReference;

  @Column(name = "shipment_id", length = 36)
  private String shipmentId;

  @Column(length = 40)
  private String carrier;

  @Column(name = "tracking_number", length = 60)
  private String trackingNumber;

  @Column(name = "shipment_status", length = 20)
  private String shipmentStatus;

  @Column(name = "estimated_delivery")
  private LocalDate estimatedDelivery;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_history", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "position")
  private List<OrderTransition> history = new ArrayList<>();

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Order() {}

  /** A new order in status PLACED, its first history entry made by the customer. */
  public Order(
      UUID id,
      String site,
      UUID customerId,
      String idempotencyKey,
      List<OrderItem> lines,
      String currency,
      PostalAddress shippingAddress,
      PostalAddress billingAddress,
      UUID reservationId,
      Instant now) {
    if (lines == null || lines.isEmpty()) {
      throw new IllegalArgumentException("an order holds at least one line");
    }
    this.id = id.toString();
    this.number = OrderNumbers.numberOf(id);
    this.site = Objects.requireNonNull(site);
    this.customerId = customerId.toString();
    this.idempotencyKey = Objects.requireNonNull(idempotencyKey);
    this.lines = new ArrayList<>(lines);
    this.subtotal =
        lines.stream().map(OrderItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    this.total = subtotal;
    this.currency = Objects.requireNonNull(currency);
    this.shippingAddress = Objects.requireNonNull(shippingAddress);
    this.billingAddress = Objects.requireNonNull(billingAddress);
    this.reservationId = reservationId.toString();
    this.status = OrderStatus.PLACED;
    this.placedAt = now;
    this.updatedAt = now;
    this.history.add(
        new OrderTransition(null, OrderStatus.PLACED, now, customerId.toString(), "checkout"));
  }

  /**
   * Moves the order to {@code next} along the status machine and records it.
   *
   * @throws IllegalStateException when the machine does not allow it
   */
  public void moveTo(OrderStatus next, Instant now, String actor, String reason) {
    if (!status.canMoveTo(next)) {
      throw new IllegalStateException(
          "An order that is " + status + " cannot become " + next + ".");
    }
    history.add(new OrderTransition(status, next, now, actor, reason));
    status = next;
    updatedAt = now;
  }

  /** Records the payment step's outcome. */
  public void recordPayment(String provider, String outcome, String reference) {
    this.paymentProvider = provider;
    this.paymentStatus = outcome;
    this.paymentReference = reference;
  }

  /** Records what the carrier says of the order's shipment. */
  public void recordShipment(
      UUID shipmentId,
      String carrier,
      String trackingNumber,
      String shipmentStatus,
      LocalDate estimatedDelivery,
      Instant now) {
    this.shipmentId = shipmentId.toString();
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    this.shipmentStatus = shipmentStatus;
    this.estimatedDelivery = estimatedDelivery;
    this.updatedAt = now;
  }

  /**
   * Follows the order's shipment as the deliveries service reports it ({@code shipmentStatus} is
   * one of {@link ShipmentStatusChanged}'s statuses). The shipment is recorded whatever the news,
   * though once delivered it stays {@code DELIVERED}. In transit or out for delivery moves a
   * confirmed order to shipped, delivered moves it to delivered (through shipped if that news was
   * missed), each step recorded in the history as made by {@code carrier:<carrier>}. News about a
   * later step than the order's, repeated news and news of another shipment status change no
   * status; an order that is neither confirmed nor shipped (placed, or cancelled) cannot follow and
   * is left as it is: the answer is then {@linkplain ShipmentFollowUp#outOfStep() out of step}.
   */
  public ShipmentFollowUp followShipment(
      UUID shipmentId,
      String carrier,
      String trackingNumber,
      String shipmentStatus,
      LocalDate estimatedDelivery,
      Instant now) {
    boolean delivered = ShipmentStatusChanged.DELIVERED.equals(this.shipmentStatus);
    recordShipment(
        shipmentId,
        carrier,
        trackingNumber,
        delivered ? this.shipmentStatus : shipmentStatus,
        estimatedDelivery,
        now);
    OrderStatus target =
        switch (shipmentStatus) {
          case ShipmentStatusChanged.IN_TRANSIT, ShipmentStatusChanged.OUT_FOR_DELIVERY ->
              OrderStatus.SHIPPED;
          case ShipmentStatusChanged.DELIVERED -> OrderStatus.DELIVERED;
          default -> null;
        };
    if (target == null || status.reached(target)) {
      return new ShipmentFollowUp(List.of(), false);
    }
    if (status != OrderStatus.CONFIRMED && status != OrderStatus.SHIPPED) {
      return new ShipmentFollowUp(List.of(), true);
    }
    String actor = "carrier:" + carrier;
    String reason = "shipment " + shipmentStatus.toLowerCase(Locale.ROOT).replace('_', ' ');
    List<OrderTransition> made = new ArrayList<>();
    while (!status.reached(target)) {
      moveTo(
          status == OrderStatus.CONFIRMED ? OrderStatus.SHIPPED : OrderStatus.DELIVERED,
          now,
          actor,
          reason);
      made.add(history.get(history.size() - 1));
    }
    return new ShipmentFollowUp(made, false);
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String number() {
    return number;
  }

  @Override
  public String site() {
    return site;
  }

  public UUID customerId() {
    return UUID.fromString(customerId);
  }

  @Override
  public boolean isOwnedBy(UUID customer) {
    return customerId.equals(customer.toString());
  }

  public OrderStatus status() {
    return status;
  }

  public List<OrderItem> lines() {
    return List.copyOf(lines);
  }

  public int itemCount() {
    return lines.stream().mapToInt(OrderItem::quantity).sum();
  }

  public BigDecimal subtotal() {
    return subtotal;
  }

  public BigDecimal total() {
    return total;
  }

  public String currency() {
    return currency;
  }

  public PostalAddress shippingAddress() {
    return shippingAddress;
  }

  public PostalAddress billingAddress() {
    return billingAddress;
  }

  public UUID reservationId() {
    return UUID.fromString(reservationId);
  }

  public String paymentProvider() {
    return paymentProvider;
  }

  public String paymentStatus() {
    return paymentStatus;
  }

  public String paymentReference() {
    return paymentReference;
  }

  public UUID shipmentId() {
    return shipmentId == null ? null : UUID.fromString(shipmentId);
  }

  public String carrier() {
    return carrier;
  }

  public String trackingNumber() {
    return trackingNumber;
  }

  public String shipmentStatus() {
    return shipmentStatus;
  }

  public LocalDate estimatedDelivery() {
    return estimatedDelivery;
  }

  public List<OrderTransition> history() {
    return List.copyOf(history);
  }

  public Instant placedAt() {
    return placedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
