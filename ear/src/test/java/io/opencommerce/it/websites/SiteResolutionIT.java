package io.opencommerce.it.websites;

import static io.opencommerce.it.support.Platform.admin;
import static io.opencommerce.it.support.Platform.headers;
import static io.opencommerce.it.support.Platform.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.client.RegisterRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.it.support.Sites;
import io.opencommerce.it.support.Sites.Settings;
import io.opencommerce.products.client.ProductRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every service resolves the request's site through the kit, from the registry the websites service
 * feeds: by the host name the edge forwards, or by {@code X-Site} from the edge; an unknown or
 * inactive site is refused before any work, and what one site holds the others never see.
 */
class SiteResolutionIT {
  private static final String PRODUCTS = Shop.PRODUCTS;

  @Test
  void aSiteIsResolvedFromTheHostNameAsTheEdgeForwardsItAndAsTheHostHeaderSaysIt()
      throws IOException {
    String code = Sites.newCode("host");
    String domain = code + ".shop.example";
    Sites.create(Settings.of(code).withDomains(domain));

    Reply forwarded =
        request(
            "GET", Sites.WEBSITES + "/sites/current", headers("X-Forwarded-Host", domain), null);
    assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
    assertThat(forwarded.json().getString("code")).isEqualTo(code);

    String direct = rawGet("/websites/api/sites/current", domain.toUpperCase() + ":9080");
    assertThat(direct).startsWith("HTTP/1.1 200").contains("\"code\":\"" + code + "\"");

    Reply otherHost =
        request(
            "GET",
            Sites.WEBSITES + "/sites/current",
            headers("X-Forwarded-Host", "no-such-shop.example"),
            null);
    assertThat(otherHost.status()).isEqualTo(200);
    assertThat(otherHost.json().getString("code"))
        .as("a host no site claims is the platform's default site")
        .isEqualTo("default");
  }

  @Test
  void anUnknownSiteIsRefusedByEveryServiceBeforeAnyWork() {
    String unknown = Sites.newCode("nowhere");
    for (String service : Sites.SERVICES) {
      request("GET", "/" + service + "/api/site-probe", headers("X-Site", unknown), null)
          .assertProblem(404, "unknown-site");
    }
    // A write for an unknown site changes nothing: the product is never created.
    String sku = "SITE-" + UUID.randomUUID().toString().substring(0, 12);
    request(
            "POST",
            PRODUCTS + "/products",
            headers(
                "Content-Type",
                "application/json",
                "Authorization",
                Platform.bearer(admin().accessToken()),
                "X-Site",
                unknown),
            Bodies.json(Shop.productRequest(sku, "Nowhere lamp", "10.00")))
        .assertProblem(404, "unknown-site");
    Reply search =
        request(
            "GET", PRODUCTS + "/products?q=" + sku, headers("Accept", "application/json"), null);
    assertThat(search.body()).doesNotContain(sku);
  }

  @Test
  void aDeactivatedSiteIsRefusedEverywhereAndComesBackWhenActivatedAgain() {
    Settings settings = Settings.of(Sites.newCode("closing"));
    String code = Sites.create(settings);
    Sites.change(settings.inactive());
    request("GET", PRODUCTS + "/products", headers("X-Site", code), null)
        .assertProblem(404, "unknown-site");
    request("GET", Sites.WEBSITES + "/sites/current", headers("X-Site", code), null)
        .assertProblem(404, "unknown-site");
    Sites.change(settings);
    assertThat(request("GET", PRODUCTS + "/products", headers("X-Site", code), null).status())
        .isEqualTo(200);
  }

  @Test
  void theDefaultSiteCannotBeDeactivated() {
    Reply current = Platform.get(Sites.WEBSITES + "/sites/default", admin().accessToken());
    assertThat(current.status()).as(current.body()).isEqualTo(200);
    String deactivated = current.body().replace("\"active\":true", "\"active\":false");
    Platform.send("PUT", Sites.WEBSITES + "/sites/default", deactivated, admin().accessToken())
        .assertProblem(409, "default-site");
    assertThat(Platform.get(PRODUCTS + "/products", null).status()).isEqualTo(200);
  }

  @Test
  void aProductCreatedOnOneSiteIsInvisibleOnTheOther() {
    String first = Sites.create(Settings.of(Sites.newCode("first")));
    String second = Sites.create(Settings.of(Sites.newCode("second")));
    String sku = "SITE-" + UUID.randomUUID().toString().substring(0, 12);
    Reply created =
        asAdmin("POST", PRODUCTS + "/products", first, Shop.productRequest(sku, "Lamp", "19.90"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");

    assertThat(
            request("GET", PRODUCTS + "/products/" + id, headers("X-Site", first), null).status())
        .isEqualTo(200);
    request("GET", PRODUCTS + "/products/" + id, headers("X-Site", second), null)
        .assertProblem(404, null);
    Reply listed = request("GET", PRODUCTS + "/products?q=" + sku, headers("X-Site", second), null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(id);
    asAdmin("PUT", PRODUCTS + "/products/" + id, second, Shop.productRequest(sku, "Mine", "1.00"))
        .assertProblem(404, null);
  }

  @Test
  void aProductPricedInACurrencyTheSiteDoesNotSellInIsRefusedForThatSite() {
    String swiss =
        Sites.create(
            Settings.of(Sites.newCode("chf")).withCurrency("CHF").withLanguages("de", "de", "fr"));
    String sku = "SITE-" + UUID.randomUUID().toString().substring(0, 12);
    asAdmin("POST", PRODUCTS + "/products", swiss, Shop.productRequest(sku, "Uhr", "99.00"))
        .assertProblem(422, null);
    assertThat(
            request("GET", PRODUCTS + "/products?q=" + sku, headers("X-Site", swiss), null).body())
        .doesNotContain(sku);
    ProductRequest inFrancs =
        new ProductRequest(sku, "Uhr", null, null, new BigDecimal("99.00"), "CHF", null, null);
    Reply created = asAdmin("POST", PRODUCTS + "/products", swiss, inFrancs);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void aGermanSitesMailsGoOutInGerman() {
    String german = Sites.create(Settings.of(Sites.newCode("laden")).withLanguages("de", "de"));
    String email = Platform.newEmail("laden");
    Reply registered =
        request(
            "POST",
            Platform.AUTH + "/users",
            headers("Content-Type", "application/json", "X-Site", german),
            Bodies.json(new RegisterRequest(email, Platform.PASSWORD, "Erika Muster")));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    Mailbox.Mail welcome = Mailbox.await(email, m -> m.subject().startsWith("Willkommen bei"));
    assertThat(welcome.subject()).isEqualTo("Willkommen bei IT " + german);
    assertThat(welcome.text()).contains("Guten Tag Erika Muster,");
    assertThat(welcome.text()).contains("support@" + german + ".it.opencommerce.local");
  }

  private static Reply asAdmin(String method, String url, String site, Object body) {
    return request(
        method,
        url,
        headers(
            "Content-Type",
            "application/json",
            "Authorization",
            Platform.bearer(admin().accessToken()),
            "X-Site",
            site),
        Bodies.json(body));
  }

  /**
   * A GET with the {@code Host} header as a browser on the shop's domain sends it (the JDK's client
   * does not let a caller set it), over a plain socket to the platform; answers the whole response.
   */
  private static String rawGet(String path, String host) throws IOException {
    URI base = URI.create(Platform.BASE);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAccept: application/json\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
