package io.opencommerce.it.storefront;

import static io.opencommerce.it.storefront.Storefront.present;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.it.support.Shop.Shopper;
import io.opencommerce.sav.client.TicketRequest;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The account overview: the customer's profile, default addresses, newest orders and open support
 * tickets in one answer, for customers only and never cached.
 */
class AccountOverviewIT {
  private static final String SAV = Platform.BASE + "/sav/api";

  @Test
  void everyPartIsThere() {
    String admin = Platform.admin().accessToken();
    String lamp = Shop.product(admin, "Account lamp", "15.00", 3);
    Shopper grace = Shop.shopper("sf-account", lamp, 1);
    Reply placed = Shop.checkout(grace.token(), "it-" + UUID.randomUUID(), grace.addressId());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    String orderNumber = placed.json().getString("number");
    Reply ticket =
        Platform.post(
            SAV + "/tickets",
            Bodies.json(
                new TicketRequest(
                    "The lamp flickers", "product", null, "It flickers when it is cold.")),
            grace.token());
    assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
    String ticketNumber = ticket.json().getString("number");

    Reply overview = Storefront.get("/account", grace.token());

    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    assertThat(overview.header("Cache-Control")).contains("private").contains("no-store");
    JsonObject body = overview.json();
    JsonObject profile = present(body, "profile");
    assertThat(profile.getString("id")).isEqualTo(grace.session().userId());
    assertThat(profile.getString("email")).isEqualTo(grace.session().email());
    JsonObject addresses = present(body, "addresses");
    assertThat(addresses.getJsonObject("shipping").getString("id")).isEqualTo(grace.addressId());
    assertThat(addresses.getJsonObject("billing").getString("id")).isEqualTo(grace.addressId());
    assertThat(addresses.getInt("count")).isEqualTo(1);
    JsonObject orders = present(body, "recentOrders");
    assertThat(orders.getInt("total")).isEqualTo(1);
    assertThat(orders.getJsonArray("items").getJsonObject(0).getString("number"))
        .isEqualTo(orderNumber);
    JsonObject tickets = present(body, "openTickets");
    assertThat(tickets.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("number"))
        .containsExactly(ticketNumber);
    assertThat(tickets.getBoolean("complete")).isTrue();
  }

  @Test
  void aNewCustomerHasAnEmptyButWholeOverview() {
    Platform.Session newcomer = Platform.registerAndLogin("sf-newcomer");

    Reply overview = Storefront.get("/account", newcomer.accessToken());

    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    JsonObject body = overview.json();
    assertThat(present(body, "profile").getString("email")).isEqualTo(newcomer.email());
    assertThat(present(body, "recentOrders").getJsonArray("items")).isEmpty();
    assertThat(present(body, "openTickets").getJsonArray("items")).isEmpty();
  }

  @Test
  void anonymousCallersMustSignIn() {
    Reply anonymous = Storefront.get("/account", null);

    assertThat(anonymous.status()).isEqualTo(401);
  }
}
