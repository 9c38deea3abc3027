package io.opencommerce.storefront.application;

import io.opencommerce.addresses.client.AddressDefaults;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ParallelCalls;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.sav.client.TicketSummary;
import io.opencommerce.storefront.application.AccountViews.DefaultAddresses;
import io.opencommerce.storefront.application.AccountViews.OpenTickets;
import io.opencommerce.storefront.application.AccountViews.OrderSummary;
import io.opencommerce.storefront.application.AccountViews.RecentOrders;
import io.opencommerce.storefront.domain.ComposedPage;
import io.opencommerce.storefront.infrastructure.AddressesService;
import io.opencommerce.storefront.infrastructure.AuthService;
import io.opencommerce.storefront.infrastructure.OrdersService;
import io.opencommerce.storefront.infrastructure.SavService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The account overview of the signed-in customer: their profile (auth), default addresses
 * (addresses), newest orders (orders) and open support tickets (sav) — four services asked at once,
 * each with the customer's own token and once, each part shown as unavailable on its own when its
 * service does not answer within {@code storefront.parts.timeout}.
 */
@ApplicationScoped
public class Accounts {
  static final String AUTH = "auth";
  static final String ADDRESSES = "addresses";
  static final String ORDERS = "orders";
  static final String SAV = "sav";

  @Inject AuthService auth;
  @Inject AddressesService addresses;
  @Inject OrdersService orders;
  @Inject SavService sav;
  @Inject ParallelCalls calls;
  @Inject StorefrontSettings settings;

  public ComposedPage overview() {
    CompletableFuture<UserProfile> profile = calls.submit(() -> auth.me());
    CompletableFuture<AddressDefaults> book = calls.submit(() -> addresses.defaults());
    CompletableFuture<Page<OrderView>> recent =
        calls.submit(() -> orders.recent(settings.recentOrders()));
    CompletableFuture<Page<TicketSummary>> tickets =
        calls.submit(() -> sav.openTickets(settings.ticketsScanned()));
    Duration waited = settings.partTimeout();
    ParallelCalls.awaitAll(waited, profile, book, recent, tickets);

    return ComposedPage.builder()
        .part("profile", Answer.of(profile, AUTH, waited).part(PartJson::of))
        .part(
            "addresses",
            Answer.of(book, ADDRESSES, waited).part(page -> PartJson.of(defaults(page))))
        .part(
            "recentOrders",
            Answer.of(recent, ORDERS, waited).part(page -> PartJson.of(recentOrders(page))))
        .part(
            "openTickets",
            Answer.of(tickets, SAV, waited).part(page -> PartJson.of(openTickets(page))))
        .build();
  }

  static DefaultAddresses defaults(AddressDefaults book) {
    return new DefaultAddresses(book.shipping(), book.billing(), book.count());
  }

  static RecentOrders recentOrders(Page<OrderView> page) {
    return new RecentOrders(page.items().stream().map(OrderSummary::of).toList(), page.total());
  }

  static OpenTickets openTickets(Page<TicketSummary> page) {
    return new OpenTickets(
        page.items().stream()
            .filter(ticket -> !AccountViews.CLOSED_TICKETS.contains(ticket.status()))
            .toList(),
        page.total() <= page.items().size());
  }
}
