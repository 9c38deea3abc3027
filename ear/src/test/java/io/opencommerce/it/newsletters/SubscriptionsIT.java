package io.opencommerce.it.newsletters;

import static io.opencommerce.it.newsletters.Newsletter.call;
import static io.opencommerce.it.newsletters.Newsletter.confirm;
import static io.opencommerce.it.newsletters.Newsletter.emails;
import static io.opencommerce.it.newsletters.Newsletter.field;
import static io.opencommerce.it.newsletters.Newsletter.json;
import static io.opencommerce.it.newsletters.Newsletter.newSite;
import static io.opencommerce.it.newsletters.Newsletter.own;
import static io.opencommerce.it.newsletters.Newsletter.subscribe;
import static io.opencommerce.it.newsletters.Newsletter.subscribers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import io.opencommerce.newsletters.client.SubscriptionReceipt;
import io.opencommerce.newsletters.client.SubscriptionRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions to a site's newsletter, with double opt-in, as a visitor, a customer and an
 * administrator see them: the confirmation mail's link confirms (twice is harmless), changed and
 * foreign links are refused and change nothing, an unconfirmed request is purged after its expiry,
 * a customer manages their own subscription (asking again after leaving starts the opt-in again,
 * and the earlier links confirm nothing), administrators list and export the subscribers, the form
 * is limited per address asked for, every endpoint has its roles, bad input stores nothing.
 */
class SubscriptionsIT {
  /** {@code platform.rate-limits.newsletter-subscription.per-account}: as in production. */
  private static final int REQUESTS_PER_ADDRESS = 5;

  private static String admin;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
  }

  @Test
  void theMailedLinkConfirmsTheSubscriptionAndFollowingItTwiceIsHarmless() {
    String site = newSite();
    String email = Platform.newEmail("nl-subscribe");
    Reply asked = subscribe(email.toUpperCase(), "fr", site);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    SubscriptionReceipt receipt = Bodies.read(asked.body(), SubscriptionReceipt.class);
    assertThat(receipt.email()).isEqualTo(email);
    assertThat(receipt.requestedAt()).isNotNull();

    JsonObject pending = subscribers(admin, site, "");
    assertThat(pending.getInt("total")).isEqualTo(1);
    JsonObject subscriber = pending.getJsonArray("items").getJsonObject(0);
    assertThat(subscriber.getString("status")).isEqualTo("PENDING");
    assertThat(subscriber.getString("language")).isEqualTo("fr");

    // The confirmation mail: in French, a transactional mail (no unsubscribe headers).
    Mailbox.Mail mail = Mailbox.await(email, Newsletter::isConfirmation);
    assertThat(mail.subject())
        .as("signed with the site's name")
        .isEqualTo("Confirmez votre inscription à la lettre de IT " + site);
    assertThat(mail.html()).contains("Confirmer mon inscription", email);
    assertThat(mail.header("Auto-Submitted")).isEqualTo("auto-generated");
    assertThat(mail.header("List-Unsubscribe")).isNull();
    String token = Newsletter.tokenOf(mail.link(Newsletter.CONFIRMATION_PATH));
    assertThat(token).startsWith(subscriber.getString("id") + ".1.");

    Reply confirmed = confirm(token);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    JsonObject state = confirmed.json();
    assertThat(state.getString("status")).isEqualTo("CONFIRMED");
    assertThat(state.containsKey("email")).as("a link shows no address").isFalse();
    Instant confirmedAt = Instant.parse(state.getString("confirmedAt"));

    Reply again = confirm(token);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("status")).isEqualTo("CONFIRMED");
    // Unchanged (read back from the database, to the second).
    assertThat(Instant.parse(again.json().getString("confirmedAt")))
        .isCloseTo(confirmedAt, within(1, ChronoUnit.SECONDS));

    // A person following the link in a browser gets a page in their language.
    Reply page =
        call(
            "GET",
            "/subscriptions/confirmation?token=" + token,
            null,
            null,
            null,
            null,
            null,
            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("Inscription confirmée", "IT " + site);
    assertThat(page.raw().headers().firstValue("Content-Security-Policy")).isPresent();

    assertThat(emails(subscribers(admin, site, "&status=CONFIRMED"))).containsExactly(email);
    // Asking again for a confirmed address mails nothing and changes nothing, and says so to
    // nobody.
    Reply repeated = subscribe(email, "en", site);
    assertThat(repeated.status()).isEqualTo(202);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> Mailbox.count(email, Newsletter::isConfirmation) == 1);
    assertThat(
            subscribers(admin, site, "")
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("language"))
        .isEqualTo("fr");
  }

  @Test
  void changedForeignAndCrossPurposeLinksAreRefusedAndChangeNothing() {
    String site = newSite();
    String email = Platform.newEmail("nl-tamper");
    assertThat(subscribe(email, null, site).status()).isEqualTo(202);
    String token = Newsletter.awaitConfirmationToken(email);
    String id = token.substring(0, 36);

    // The signature changed by one character.
    int last = token.length() - 1;
    String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A');
    confirm(tampered).assertProblem(400, "invalid-link");
    // Another subscriber's id under this signature.
    confirm(UUID.randomUUID() + token.substring(36)).assertProblem(400, "invalid-link");
    // Another round.
    confirm(token.replace(".1.", ".2.")).assertProblem(400, "invalid-link");
    // The confirmation link used as an unsubscribe link (both ways of following it).
    call(
            "POST",
            "/subscriptions/unsubscription?token=" + token,
            Newsletter.ONE_CLICK,
            Newsletter.FORM,
            null,
            null,
            null,
            null)
        .assertProblem(400, "invalid-link");
    call("GET", "/subscriptions/unsubscription?token=" + token, null, null, null, null, null, null)
        .assertProblem(400, "invalid-link");
    // Not a token at all, or none.
    assertThat(field(confirm("not-a-token").assertProblem(400, "validation-failed")))
        .isEqualTo("query.token");
    assertThat(
            field(
                call("GET", "/subscriptions/confirmation", null, null, null, null, null, null)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.token");
    // Well signed (the local secret), but for a subscriber that does not exist.
    confirm(Newsletter.localToken("confirm", UUID.randomUUID(), 1)).assertProblem(404, "not-found");

    JsonObject subscriber = subscribers(admin, site, "").getJsonArray("items").getJsonObject(0);
    assertThat(subscriber.getString("id")).isEqualTo(id);
    assertThat(subscriber.getString("status")).isEqualTo("PENDING");
    assertThat(subscriber.get("confirmedAt")).isIn(null, JsonValue.NULL);
  }

  @Test
  void theOneClickArrivesAsAFormFieldStreamedOrNotOrAsAMultipartPart() {
    String site = newSite();
    String byForm = Newsletter.confirmedSubscriber(site, "en", "nl-form");
    String byParts = Newsletter.confirmedSubscriber(site, "en", "nl-parts");
    String byStream = Newsletter.confirmedSubscriber(site, "en", "nl-stream");
    String formUrl = unsubscribeUrl(site, byForm);
    String partsUrl = unsubscribeUrl(site, byParts);

    // A form streamed without Content-Length is read by the web container like any other.
    Reply streamed =
        Platform.send(
            HttpRequest.newBuilder(URI.create(unsubscribeUrl(site, byStream)))
                .header("Content-Type", Newsletter.FORM)
                .header("Accept", Newsletter.JSON)
                .POST(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofString(Newsletter.ONE_CLICK)))
                .build());
    assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
    assertThat(emails(subscribers(admin, site, "&status=CONFIRMED")))
        .containsExactlyInAnyOrder(byForm, byParts);

    // The field among others, as a form parameter.
    Reply left = Newsletter.oneClick(formUrl, "from=mail&" + Newsletter.ONE_CLICK + "&utm=%20x");
    assertThat(left.status()).as(left.body()).isEqualTo(200);
    assertThat(left.json().getString("status")).isEqualTo("UNSUBSCRIBED");

    // The field as a part of multipart/form-data.
    String boundary = "oc-" + UUID.randomUUID();
    Reply leftToo =
        call(
            "POST",
            partsUrl,
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                + "One-Click\r\n--"
                + boundary
                + "--\r\n",
            "multipart/form-data; boundary=" + boundary,
            null,
            null,
            null,
            null);
    assertThat(leftToo.status()).as(leftToo.body()).isEqualTo(200);
    assertThat(leftToo.json().getString("status")).isEqualTo("UNSUBSCRIBED");
    assertThat(emails(subscribers(admin, site, "&status=UNSUBSCRIBED")))
        .containsExactlyInAnyOrder(byStream, byForm, byParts);
  }

  /** The one-click address of {@code email}'s subscription (unsubscribe links name no round). */
  private static String unsubscribeUrl(String site, String email) {
    String id =
        subscribers(admin, site, "").getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("email").equals(email))
            .findFirst()
            .orElseThrow()
            .getString("id");
    return Platform.BASE
        + "/newsletters/api/subscriptions/unsubscription?token="
        + Newsletter.localToken("unsubscribe", UUID.fromString(id), 0);
  }

  @Test
  void anUnconfirmedSubscriptionIsPurgedAfterItsExpiryAndAConfirmedOneStays() throws Exception {
    String site = newSite();
    String unconfirmed = Platform.newEmail("nl-expired");
    assertThat(subscribe(unconfirmed, null, site).status()).isEqualTo(202);
    String token = Newsletter.awaitConfirmationToken(unconfirmed);
    String confirmed = Newsletter.confirmedSubscriber(site, null, "nl-kept");
    // Eight days pass (newsletters.subscriptions.confirmation-expiry is P7D).
    Timestamp eightDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
    try (Connection db = ServiceDatabase.open("newsletters");
        PreparedStatement age =
            db.prepareStatement("UPDATE subscribers SET requested_at = ? WHERE site = ?")) {
      age.setTimestamp(1, eightDaysAgo);
      age.setString(2, site);
      assertThat(age.executeUpdate()).isEqualTo(2);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                ServiceDatabase.count(
                        "newsletters",
                        "SELECT COUNT(*) FROM subscribers WHERE site = ? AND email = ?",
                        site,
                        unconfirmed)
                    == 0);
    confirm(token).assertProblem(404, "not-found");
    assertThat(emails(subscribers(admin, site, ""))).containsExactly(confirmed);
  }

  @Test
  void customersManageTheirOwnSubscriptionAndOldLinksConfirmNothingAfterTheyLeft() {
    String site = newSite();
    Session customer = Platform.registerAndLogin("nl-own");
    String token = customer.accessToken();

    Reply subscribed = Newsletter.subscribeOwn(customer, site, "fr");
    JsonObject pending = subscribed.json();
    assertThat(pending.getString("status")).isEqualTo("PENDING");
    assertThat(pending.getString("email")).isEqualTo(customer.email());
    assertThat(pending.getString("customerId")).isEqualTo(customer.userId());
    String first = Newsletter.awaitConfirmationToken(customer.email());
    assertThat(confirm(first).json().getString("status")).isEqualTo("CONFIRMED");
    assertThat(own(token, site).getString("status")).isEqualTo("CONFIRMED");

    // A confirmed subscription only takes the language: nothing is mailed again.
    JsonObject english = Newsletter.subscribeOwn(customer, site, "en").json();
    assertThat(english.getString("status")).isEqualTo("CONFIRMED");
    assertThat(english.getString("language")).isEqualTo("en");
    // Another site knows nothing of it.
    assertThat(json("GET", "/subscriptions/me", null, token, newSite()).status()).isEqualTo(404);

    assertThat(json("DELETE", "/subscriptions/me", null, token, site).status()).isEqualTo(204);
    assertThat(json("DELETE", "/subscriptions/me", null, token, site).status())
        .as("again: nothing changes")
        .isEqualTo(204);
    JsonObject left = own(token, site);
    assertThat(left.getString("status")).isEqualTo("UNSUBSCRIBED");
    // The first link does not bring them back.
    confirm(first).assertProblem(409, "confirmation-outdated");
    assertThat(own(token, site).getString("status")).isEqualTo("UNSUBSCRIBED");

    // Asking again starts the double opt-in again, under a new round.
    assertThat(Newsletter.subscribeOwn(customer, site, null).json().getString("status"))
        .isEqualTo("PENDING");
    String second = Newsletter.awaitConfirmationToken(customer.email(), 1);
    assertThat(second).startsWith(left.getString("id") + ".2.");
    confirm(first).assertProblem(409, "confirmation-outdated");
    assertThat(own(token, site).getString("status")).isEqualTo("PENDING");
    assertThat(confirm(second).json().getString("status")).isEqualTo("CONFIRMED");
    assertThat(own(token, site).getString("status")).isEqualTo("CONFIRMED");
    assertThat(Mailbox.count(customer.email(), Newsletter::isConfirmation)).isEqualTo(2);
  }

  @Test
  void administratorsListAndExportSubscribersButNotThoseWhoLeftUnlessAsked() {
    String site = newSite();
    String french = Newsletter.confirmedSubscriber(site, "fr", "nl-list-fr");
    String pending = Platform.newEmail("nl-list-pending");
    assertThat(subscribe(pending, "en", site).status()).isEqualTo(202);
    // An address a spreadsheet would take for a formula: exported as text.
    String formula =
        "=1+2-" + UUID.randomUUID().toString().substring(0, 8) + "@it.opencommerce.local";
    assertThat(subscribe(formula, "en", site).status()).isEqualTo(202);
    Session left = Newsletter.unsubscribedCustomer(site);

    JsonObject all = subscribers(admin, site, "");
    assertThat(all.getInt("total")).isEqualTo(3);
    assertThat(emails(all)).containsExactlyInAnyOrder(french, pending, formula);
    assertThat(emails(subscribers(admin, site, "&status=UNSUBSCRIBED")))
        .containsExactly(left.email());
    assertThat(emails(subscribers(admin, site, "&language=fr"))).containsExactly(french);
    assertThat(emails(subscribers(admin, site, "&status=PENDING&language=en")))
        .containsExactlyInAnyOrder(pending, formula);
    JsonObject paged = json("GET", "/subscriptions?limit=1&offset=1", null, admin, site).json();
    assertThat(paged.getInt("total")).isEqualTo(3);
    assertThat(paged.getJsonArray("items")).hasSize(1);

    Reply csv = call("GET", "/subscriptions/export", null, null, admin, site, null, "text/csv");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.raw().headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    List<String> lines = csv.body().lines().toList();
    assertThat(csv.body()).contains("\r\n");
    assertThat(lines.get(0))
        .isEqualTo(
            "id,email,status,language,customer_id,requested_at,confirmed_at,unsubscribed_at");
    assertThat(lines).hasSize(4);
    assertThat(csv.body())
        .contains("," + french + ",CONFIRMED,fr,")
        .contains("," + pending + ",PENDING,en,")
        .contains(",'" + formula + ",PENDING,en,")
        .doesNotContain(left.email());

    Reply leavers =
        call(
            "GET",
            "/subscriptions/export?status=UNSUBSCRIBED",
            null,
            null,
            admin,
            site,
            null,
            "text/csv");
    assertThat(leavers.body().lines().toList())
        .hasSize(2)
        .last()
        .asString()
        .contains(left.email(), "UNSUBSCRIBED", left.userId());
  }

  @Test
  void oneAddressIsAskedForAtMostFiveTimesAnHourFromAnyClientAddress() {
    String site = newSite();
    String email = Platform.newEmail("nl-flood");
    for (int i = 0; i < REQUESTS_PER_ADDRESS; i++) {
      assertThat(subscribe(email, null, site).status()).isEqualTo(202);
    }
    Reply limited = subscribe(email, null, site).assertProblem(429, "rate-limited");
    assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
    // Another address from the same client goes on.
    assertThat(subscribe(Platform.newEmail("nl-flood-other"), null, site).status()).isEqualTo(202);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(30))
        .until(() -> Mailbox.count(email, Newsletter::isConfirmation) == REQUESTS_PER_ADDRESS);
  }

  @Test
  void everyEndpointHasItsRoles() {
    String customer = Platform.registerAndLogin("nl-roles").accessToken();
    String agent = Newsletter.agentToken();
    String site = newSite();
    String someId = UUID.randomUUID().toString();
    String campaign = "{\"name\":\"x\",\"subject\":\"s\",\"text\":\"t\",\"html\":\"<p>h</p>\"}";
    String schedule = "{\"sendAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}";
    List<String[]> adminOnly =
        List.of(
            new String[] {"GET", "/subscriptions", null},
            new String[] {"GET", "/subscriptions/export", null, "text/csv"},
            new String[] {"POST", "/campaigns", campaign},
            new String[] {"GET", "/campaigns", null},
            new String[] {"GET", "/campaigns/" + someId, null},
            new String[] {"POST", "/campaigns/" + someId + "/schedule", schedule},
            new String[] {"POST", "/campaigns/" + someId + "/cancel", null});
    for (String[] e : adminOnly) {
      String accept = e.length > 3 ? e[3] : null;
      String type = e[2] == null ? null : Newsletter.JSON;
      assertThat(call(e[0], e[1], e[2], type, null, site, null, accept).status())
          .as("anonymous %s %s", e[0], e[1])
          .isEqualTo(401);
      call(e[0], e[1], e[2], type, customer, site, null, accept).assertProblem(403, null);
      call(e[0], e[1], e[2], type, agent, site, null, accept).assertProblem(403, null);
    }
    assertThat(json("GET", "/subscriptions", null, admin, site).status()).isEqualTo(200);
    assertThat(
            call("GET", "/subscriptions/export", null, null, admin, site, null, "text/csv")
                .status())
        .isEqualTo(200);
    assertThat(json("GET", "/campaigns", null, admin, site).status()).isEqualTo(200);
    json("GET", "/campaigns/" + someId, null, admin, site).assertProblem(404, "not-found");

    // A customer's own subscription: customers only (the administrator has no customer role).
    List<String[]> customerOnly =
        List.of(
            new String[] {"GET", "/subscriptions/me", null},
            new String[] {"PUT", "/subscriptions/me", "{}"},
            new String[] {"DELETE", "/subscriptions/me", null});
    for (String[] e : customerOnly) {
      assertThat(json(e[0], e[1], e[2], null, site).status())
          .as("anonymous %s %s", e[0], e[1])
          .isEqualTo(401);
      json(e[0], e[1], e[2], admin, site).assertProblem(403, null);
    }
    json("GET", "/subscriptions/me", null, customer, site).assertProblem(404, "not-found");
    assertThat(json("DELETE", "/subscriptions/me", null, customer, site).status()).isEqualTo(204);

    // Anyone subscribes and follows links, signed in or not.
    assertThat(subscribe(Platform.newEmail("nl-roles-anon"), null, site).status()).isEqualTo(202);
    confirm(Newsletter.localToken("confirm", UUID.randomUUID(), 1)).assertProblem(404, "not-found");
    Reply withToken =
        call(
            "POST",
            "/subscriptions",
            Bodies.json(new SubscriptionRequest(Platform.newEmail("nl-roles-agent"), null)),
            Newsletter.JSON,
            agent,
            site,
            Newsletter.newClientAddress(),
            null);
    assertThat(withToken.status()).isEqualTo(202);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndStoresNothing() throws Exception {
    String site = newSite();
    String email = Platform.newEmail("nl-bad");
    List<String[]> bad =
        List.of(
            new String[] {"{}", "body.email"},
            new String[] {"{\"email\":\"not-an-address\"}", "body.email"},
            new String[] {"{\"email\":\"" + "a".repeat(250) + "@x.com\"}", "body.email"},
            new String[] {
              "{\"email\":\"" + email + "\",\"language\":\"english\"}", "body.language"
            },
            new String[] {"{\"email\":\"" + email + "\",\"language\":\"FR\"}", "body.language"},
            new String[] {"{\"email\":42}", "body.email"});
    for (String[] b : bad) {
      Reply refused =
          call(
              "POST",
              "/subscriptions",
              b[0],
              Newsletter.JSON,
              null,
              site,
              Newsletter.newClientAddress(),
              null);
      assertThat(field(refused.assertProblem(400, "validation-failed"))).as(b[0]).isEqualTo(b[1]);
    }
    call(
            "POST",
            "/subscriptions",
            "[{\"email\":\"" + email + "\"}]",
            Newsletter.JSON,
            null,
            site,
            Newsletter.newClientAddress(),
            null)
        .assertProblem(400, "malformed-json");
    call("POST", "/subscriptions", "{\"email\":", Newsletter.JSON, null, site, null, null)
        .assertProblem(400, "malformed-json");

    String admin = Platform.admin().accessToken();
    assertThat(
            field(
                json("GET", "/subscriptions?status=LEFT", null, admin, site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.status");
    assertThat(
            field(
                json("GET", "/subscriptions?language=french", null, admin, site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.language");
    assertThat(
            field(
                json("GET", "/subscriptions?limit=0", null, admin, site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.limit");
    assertThat(
            field(
                call(
                        "GET",
                        "/subscriptions/export?status=GONE",
                        null,
                        null,
                        admin,
                        site,
                        null,
                        "text/csv")
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.status");

    Session customer = Platform.registerAndLogin("nl-bad-own");
    assertThat(
            field(
                json("PUT", "/subscriptions/me", "{\"language\":5}", customer.accessToken(), site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.language");
    assertThat(
            field(
                json(
                        "PUT",
                        "/subscriptions/me",
                        "{\"language\":\"klingon\"}",
                        customer.accessToken(),
                        site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.language");

    assertThat(
            ServiceDatabase.count(
                "newsletters", "SELECT COUNT(*) FROM subscribers WHERE site = ?", site))
        .isZero();
    assertThat(Mailbox.of(email)).isEmpty();
  }
}
