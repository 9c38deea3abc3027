package io.opencommerce.it.storefront;

import static io.opencommerce.it.storefront.Storefront.present;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.Shop;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page whose part comes from a stopped service still answers: the part is marked unavailable with
 * the reason, the rest is served, and the page is never cached. A second server runs the storefront
 * as Kubernetes does, against the all-in-one server's services, with the FAQ (questions) and
 * support (sav) services stopped ({@link DegradedStorefront}); it also serves the platform's whole
 * API description, as the storefront does behind the edge.
 */
class StorefrontDegradationIT {
  private static DegradedStorefront server;

  @BeforeAll
  static void startWithServicesStopped() throws Exception {
    server = DegradedStorefront.start("questions", "sav");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aProductPageWithoutItsFaqIsStillAPage() {
    String admin = Platform.admin().accessToken();
    String mug = Shop.product(admin, "Degraded mug", "12.00", 3);

    Reply page = Platform.get(DegradedStorefront.api() + "/product-pages/" + mug, null);

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    JsonObject body = page.json();
    assertThat(present(body, "product").getString("name")).isEqualTo("Degraded mug");
    assertThat(present(body, "availability").getInt("available")).isEqualTo(3);
    JsonObject faq = body.getJsonObject("faq");
    assertThat(faq.getString("status")).isEqualTo("unavailable");
    JsonObject problem = faq.getJsonObject("problem");
    assertThat(problem.getString("service")).isEqualTo("questions");
    assertThat(problem.getInt("status")).isBetween(500, 504);
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(page.header("ETag")).as("a page with a part missing is not cacheable").isNull();
    assertThat(page.header("Cache-Control")).contains("no-store");
    assertThat(page.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void anAccountWithoutItsTicketsIsStillAnOverview() {
    Session customer = Platform.registerAndLogin("degraded");

    Reply overview = Platform.get(DegradedStorefront.api() + "/account", customer.accessToken());

    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    JsonObject body = overview.json();
    assertThat(present(body, "profile").getString("email")).isEqualTo(customer.email());
    present(body, "recentOrders");
    JsonObject tickets = body.getJsonObject("openTickets");
    assertThat(tickets.getString("status")).isEqualTo("unavailable");
    assertThat(tickets.getJsonObject("problem").getString("service")).isEqualTo("sav");
  }

  @Test
  void theStorefrontServesThePlatformsWholeApiDescriptionAndItsUi() {
    Reply document =
        Platform.request(
            "GET",
            DegradedStorefront.root() + "/storefront/openapi",
            Platform.headers("Accept", "application/json"),
            null);
    assertThat(document.status()).as(document.body()).isEqualTo(200);
    JsonObject paths = document.json().getJsonObject("paths");
    for (String service :
        new String[] {"auth", "products", "orders", "websites", "sav", "questions", "storefront"}) {
      assertThat(paths.keySet())
          .as("paths of %s", service)
          .anyMatch(path -> path.startsWith("/" + service + "/api/"));
    }
    assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/api/"));
    assertThat(document.json().getJsonObject("components").getJsonObject("securitySchemes"))
        .containsKey("jwt");
    Reply ui = Platform.get(DegradedStorefront.root() + "/storefront/openapi/ui/", null);
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("<html");
  }

  @Test
  void rolesStillHoldWhenAServiceIsStopped() {
    Reply anonymous = Platform.get(DegradedStorefront.api() + "/account", null);
    anonymous.assertProblem(401, null);
    Reply forged = Platform.get(DegradedStorefront.api() + "/account", "eyJhbGciOiJub25lIn0.e30.");
    forged.assertProblem(401, null);
  }
}
