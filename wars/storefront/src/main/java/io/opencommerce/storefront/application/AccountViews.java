package io.opencommerce.storefront.application;

import io.opencommerce.addresses.client.AddressView;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.sav.client.TicketSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The data of the account overview's parts that are not another service's answer as it is. */
public final class AccountViews {
  /** Ticket statuses that are no longer open (the sav service's {@code TicketStatus}). */
  static final Set<String> CLOSED_TICKETS = Set.of("RESOLVED", "CLOSED");

  private AccountViews() {}

  /** The address book's default addresses (null: none marked), and how many addresses it holds. */
  public record DefaultAddresses(AddressView shipping, AddressView billing, long count) {}

  /** The newest orders, and how many the customer has in all. */
  public record RecentOrders(List<OrderSummary> items, long total) {}

  /** An order as a list shows it. */
  public record OrderSummary(
      UUID id,
      String number,
      String status,
      int itemCount,
      BigDecimal total,
      String currency,
      Instant placedAt,
      String shipmentStatus,
      String trackingNumber) {

    static OrderSummary of(OrderView order) {
      OrderView.Shipment shipment = order.shipment();
      return new OrderSummary(
          order.id(),
          order.number(),
          order.status(),
          order.itemCount(),
          order.total(),
          order.currency(),
          order.placedAt(),
          shipment == null ? null : shipment.status(),
          shipment == null ? null : shipment.trackingNumber());
    }
  }

  /**
   * The customer's tickets still open (neither resolved nor closed), newest first. {@code complete}
   * is false when the customer has more open tickets than were read ({@code
   * storefront.account.tickets-scanned}): the oldest of them are then not listed.
   */
  public record OpenTickets(List<TicketSummary> items, boolean complete) {}
}
