package io.opencommerce.it.contacts;

import static io.opencommerce.it.contacts.ContactDesk.call;
import static io.opencommerce.it.contacts.ContactDesk.form;
import static io.opencommerce.it.contacts.ContactDesk.newClientAddress;
import static io.opencommerce.it.contacts.ContactDesk.newSite;
import static io.opencommerce.it.contacts.ContactDesk.robot;
import static io.opencommerce.it.contacts.ContactDesk.rule;
import static io.opencommerce.it.contacts.ContactDesk.send;
import static io.opencommerce.it.contacts.ContactDesk.storedFrom;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.contacts.client.ContactRequest;
import io.opencommerce.contacts.client.RoutingRuleRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.EventTap.Message;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contact form as a site's visitors (and robots) use it: a form is stored with its route and
 * the mailer hears of it ({@code ContactReceived}, with the team mailbox); a topic without a rule
 * of its own goes to the site's fallback, or to the support queue; the form offers the topics of
 * the site's rules; a filled honeypot is answered alike and leaves nothing behind; the form is
 * limited per client address and per sender; bad input is a problem naming the field and leaves
 * nothing behind.
 */
class ContactFormIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(20);

  /** {@code platform.rate-limits.contact-form.per-address} of the all-in-one server.xml. */
  private static final int FORMS_PER_ADDRESS = 100;

  /** {@code platform.rate-limits.contact-form.per-account}: as in production, per sender. */
  private static final int FORMS_PER_SENDER = 10;

  private static String admin;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
  }

  private static Predicate<Message> about(String inquiryId) {
    return m -> m.payload() != null && inquiryId.equals(m.payload().getString("inquiryId", null));
  }

  private static Predicate<Message> from(String email) {
    return m -> m.payload() != null && email.equals(m.payload().getString("email", null));
  }

  private static JsonObject inquiry(String id, String site) {
    Reply read = call("GET", "/inquiries/" + id, null, admin, site);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json();
  }

  private static long retryAfter(Reply reply) {
    return Long.parseLong(reply.raw().headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  void aFormIsStoredWithItsRouteAndTheMailerHearsOfIt() {
    String site = newSite();
    rule(
        admin,
        site,
        new RoutingRuleRequest("order", "Your order", "orders@shop.example", false, null, 1));
    rule(admin, site, new RoutingRuleRequest("other", "Anything else", null, true, true, 9));
    try (EventTap tap = new EventTap("ContactReceived.v1")) {
      ContactRequest form = form("order");
      Reply sent = send(form, site, newClientAddress());
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      String id = sent.json().getString("id");
      assertThat(sent.json().getString("receivedAt")).isNotBlank();

      Message received = tap.await(about(id), EVENTUAL).orElseThrow();
      JsonObject event = received.payload();
      assertThat(event.getString("name")).isEqualTo(form.name());
      assertThat(event.getString("email")).isEqualTo(form.email());
      assertThat(event.getString("topic")).isEqualTo("order");
      assertThat(event.getString("message")).isEqualTo(form.message());
      assertThat(event.getString("language")).isEqualTo("fr");
      assertThat(event.getString("teamMailbox")).isEqualTo("orders@shop.example");
      assertThat(event.getBoolean("supportQueue")).isFalse();
      assertThat(received.header("site")).isEqualTo(site);

      JsonObject stored = inquiry(id, site);
      assertThat(stored.getString("status")).isEqualTo("NEW");
      assertThat(stored.getString("email")).isEqualTo(form.email());
      assertThat(stored.getString("message")).isEqualTo(form.message());
      JsonObject route = stored.getJsonObject("route");
      assertThat(route.getString("rule")).isEqualTo("order");
      assertThat(route.getString("mailbox")).isEqualTo("orders@shop.example");
      assertThat(route.getBoolean("supportQueue")).isFalse();
      assertThat(stored.getJsonArray("history").getValuesAs(JsonObject.class))
          .singleElement()
          .satisfies(step -> assertThat(step.getString("to")).isEqualTo("NEW"));

      // A topic without a rule of its own goes where the site's fallback rule says: nothing lost.
      ContactRequest press = form("press");
      String pressId = send(press, site, newClientAddress()).json().getString("id");
      JsonObject routed = tap.await(about(pressId), EVENTUAL).orElseThrow().payload();
      assertThat(routed.getString("teamMailbox", null)).isNull();
      assertThat(routed.getBoolean("supportQueue")).isTrue();
      assertThat(routed.getString("topic")).isEqualTo("press");
      JsonObject pressRoute = inquiry(pressId, site).getJsonObject("route");
      assertThat(pressRoute.getString("rule")).isEqualTo("other");
      assertThat(pressRoute.getBoolean("supportQueue")).isTrue();
    }
  }

  @Test
  void onASiteWithoutRulesEveryTopicGoesToTheSupportQueue() {
    String site = newSite();
    try (EventTap tap = new EventTap("ContactReceived.v1")) {
      Reply sent = send(form("order"), site, newClientAddress());
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      String id = sent.json().getString("id");
      JsonObject event = tap.await(about(id), EVENTUAL).orElseThrow().payload();
      assertThat(event.getBoolean("supportQueue")).isTrue();
      assertThat(event.getString("teamMailbox", null)).isNull();
      JsonObject route = inquiry(id, site).getJsonObject("route");
      assertThat(route.getString("rule", null)).as("no rule of the site chose it").isNull();
      assertThat(route.getBoolean("supportQueue")).isTrue();
    }
  }

  @Test
  void theFormOffersTheTopicsOfItsSitesRulesAndNotWhereTheyGo() {
    String site = newSite();
    rule(
        admin,
        site,
        new RoutingRuleRequest("product", "A product", "catalog@shop.example", true, null, 1));
    rule(admin, site, new RoutingRuleRequest("order", null, "orders@shop.example", false, null, 1));
    rule(admin, site, new RoutingRuleRequest("other", "Anything else", null, true, true, 9));

    Reply topics = call("GET", "/topics", null, null, site);
    assertThat(topics.status()).as(topics.body()).isEqualTo(200);
    List<JsonObject> offered = topics.jsonArray().getValuesAs(JsonObject.class);
    assertThat(offered)
        .extracting(t -> t.getString("topic") + "=" + t.getString("label"))
        .containsExactly("order=order", "product=A product", "other=Anything else");
    assertThat(topics.body()).doesNotContain("@").doesNotContain("mailbox");
    assertThat(topics.raw().headers().firstValue("Cache-Control").orElse(""))
        .contains("max-age=60");
    assertThat(topics.raw().headers().allValues("Vary")).anyMatch(v -> v.contains("X-Site"));

    // Another site's form offers its own topics: none yet.
    Reply elsewhere = call("GET", "/topics", null, null, newSite());
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(elsewhere.jsonArray()).isEmpty();
  }

  @Test
  void aFormWithTheHoneypotFilledIsAnsweredAlikeAndLeavesNothingBehind() throws Exception {
    String site = newSite();
    rule(admin, site, new RoutingRuleRequest("order", null, null, true, null, null));
    try (EventTap tap = new EventTap("ContactReceived.v1")) {
      ContactRequest bot = robot(form("order"));
      Reply dropped = send(bot, site, newClientAddress());
      assertThat(dropped.status()).as(dropped.body()).isEqualTo(202);

      // The barrier: a real form sent afterwards. Its event is written before its answer, the
      // outbox is relayed in order and the tap's queue keeps that order: once it has arrived, an
      // event for the robot's form would have arrived first.
      ContactRequest person = form("order");
      Reply kept = send(person, site, newClientAddress());
      assertThat(kept.status()).isEqualTo(202);
      assertThat(dropped.json().keySet()).isEqualTo(kept.json().keySet());
      assertThat(dropped.contentType()).isEqualTo(kept.contentType());
      tap.await(about(kept.json().getString("id")), EVENTUAL).orElseThrow();

      assertThat(tap.seen()).noneMatch(from(bot.email()));
      assertThat(storedFrom(bot.email())).isZero();
      assertThat(storedFrom(person.email())).isEqualTo(1);
      call("GET", "/inquiries/" + dropped.json().getString("id"), null, admin, site)
          .assertProblem(404, "not-found");
      assertThat(call("GET", "/inquiries", null, admin, site).json().getInt("total")).isEqualTo(1);
    }
  }

  @Test
  void oneClientAddressGetsAHundredFormsAMinute() throws Exception {
    String site = newSite();
    String client = newClientAddress();
    double limitedBefore = limitedCount("address");
    // Robots' forms: they count like any other, and leave nothing behind.
    for (int i = 1; i <= FORMS_PER_ADDRESS; i++) {
      Reply reply = send(robot(form("order")), site, client);
      assertThat(reply.status()).as("form %d: %s", i, reply.body()).isEqualTo(202);
    }

    ContactRequest person = form("order");
    Reply limited = send(person, site, client);
    limited.assertProblem(429, "rate-limited");
    assertThat(retryAfter(limited)).as("seconds left in the minute's window").isBetween(1L, 60L);
    assertThat(limited.json().getString("detail")).contains("address");
    assertThat(storedFrom(person.email())).as("refused before any work").isZero();
    assertThat(limitedCount("address")).isGreaterThan(limitedBefore);

    // Another address is not limited.
    assertThat(send(person, site, newClientAddress()).status()).isEqualTo(202);
    assertThat(storedFrom(person.email())).isEqualTo(1);
  }

  @Test
  void oneSenderGetsTenFormsAnHourWhateverTheClientAddress() throws Exception {
    String site = newSite();
    ContactRequest person = form("order");
    for (int i = 1; i <= FORMS_PER_SENDER; i++) {
      Reply reply = send(robot(person), site, newClientAddress());
      assertThat(reply.status()).as("form %d: %s", i, reply.body()).isEqualTo(202);
    }

    Reply limited = send(person, site, newClientAddress());
    limited.assertProblem(429, "rate-limited");
    assertThat(retryAfter(limited)).isBetween(1L, 3600L);
    assertThat(limited.json().getString("detail")).contains("account");
    assertThat(storedFrom(person.email())).isZero();

    // Another sender is not limited.
    assertThat(send(form("order"), site, newClientAddress()).status()).isEqualTo(202);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndLeavesNothingBehind() throws Exception {
    String site = newSite();
    String client = newClientAddress();
    String email = Platform.newEmail("bad-contact");
    rule(admin, site, new RoutingRuleRequest("order", null, null, true, null, null));

    Reply empty = call("POST", "/inquiries", "{}", null, site, client);
    empty.assertProblem(400, "validation-failed");
    assertThat(fields(empty)).contains("body.name", "body.email", "body.topic", "body.message");

    invalid(
        site,
        client,
        new ContactRequest("IT", "not-an-address", "order", "Hi", null, null),
        "body.email");
    invalid(
        site, client, new ContactRequest("IT", email, "Orders!", "Hi", null, null), "body.topic");
    invalid(
        site, client, new ContactRequest("IT", email, "order", " ", null, null), "body.message");
    invalid(
        site,
        client,
        new ContactRequest("IT", email, "order", "x".repeat(5001), null, null),
        "body.message");
    invalid(
        site,
        client,
        new ContactRequest("n".repeat(101), email, "order", "Hi", null, null),
        "body.name");
    invalid(
        site,
        client,
        new ContactRequest("IT", email, "order", "Hi", "french", null),
        "body.language");

    // JSON of the wrong shape: a number for the honeypot's text, the form inside an array.
    String numbered =
        Json.createObjectBuilder()
            .add("name", "IT")
            .add("email", email)
            .add("topic", "order")
            .add("message", "Hi")
            .add("website", 42)
            .build()
            .toString();
    Reply mistyped = call("POST", "/inquiries", numbered, null, site, client);
    mistyped.assertProblem(400, "validation-failed");
    assertThat(fields(mistyped)).containsExactly("body.website");
    String valid = Bodies.json(new ContactRequest("IT", email, "order", "Hi", null, null));
    call("POST", "/inquiries", "[" + valid + "]", null, site, client)
        .assertProblem(400, "malformed-json");
    call("POST", "/inquiries", "{\"name\":", null, site, client)
        .assertProblem(400, "malformed-json");
    call("POST", "/inquiries", "", null, site, client).assertProblem(400, "malformed-json");
    String huge =
        Bodies.json(new ContactRequest("IT", email, "order", "x".repeat(70_000), null, null));
    call("POST", "/inquiries", huge, null, site, client).assertProblem(413, "payload-too-large");
    Platform.send(
            HttpRequest.newBuilder(URI.create(ContactDesk.API + "/inquiries"))
                .header("Content-Type", "text/plain")
                .header(ContactDesk.SITE, site)
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(valid))
                .build())
        .assertProblem(415, "unsupported-media-type");
    call("POST", "/inquiries", valid, null, "Not A Site", client)
        .assertProblem(400, "invalid-site");

    assertThat(storedFrom(email)).isZero();
    assertThat(call("GET", "/inquiries", null, admin, site).json().getInt("total")).isZero();
  }

  private static void invalid(String site, String client, ContactRequest form, String field) {
    Reply reply = send(form, site, client);
    reply.assertProblem(400, "validation-failed");
    assertThat(fields(reply)).as(reply.body()).contains(field);
    reply
        .json()
        .getJsonArray("errors")
        .getValuesAs(JsonObject.class)
        .forEach(error -> assertThat(error.getString("message")).isNotBlank());
  }

  private static List<String> fields(Reply reply) {
    return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(error -> error.getString("field"))
        .toList();
  }

  /** {@code requests_limited_total{limit="contact-form",by}} as /metrics shows it (0 before). */
  private static double limitedCount(String by) {
    for (String line : Platform.get(Platform.BASE + "/metrics", null).body().split("\n")) {
      if (line.startsWith("requests_limited_total{")
          && line.contains("limit=\"contact-form\"")
          && line.contains("by=\"" + by + "\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }
}
