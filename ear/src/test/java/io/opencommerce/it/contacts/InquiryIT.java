package io.opencommerce.it.contacts;

import static io.opencommerce.it.contacts.ContactDesk.call;
import static io.opencommerce.it.contacts.ContactDesk.form;
import static io.opencommerce.it.contacts.ContactDesk.newClientAddress;
import static io.opencommerce.it.contacts.ContactDesk.newSite;
import static io.opencommerce.it.contacts.ContactDesk.rule;
import static io.opencommerce.it.contacts.ContactDesk.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.contacts.client.AnswerRequest;
import io.opencommerce.contacts.client.CloseRequest;
import io.opencommerce.contacts.client.ContactRequest;
import io.opencommerce.contacts.client.RoutingRuleRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.EventTap.Message;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What support agents and administrators do with the contact form's inquiries: agents work the
 * support queue (an inquiry routed only to a team mailbox is not theirs), answers are published for
 * the mailer ({@code ContactAnswered}) and kept in the history, a closed inquiry takes no answer
 * (409); administrators see every inquiry, newest first, filtered and paged, and keep the routing
 * rules; every endpoint answers anonymous callers, customers, agents and administrators as its
 * roles say; closed inquiries are purged after their retention.
 */
class InquiryIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(20);
  private static final Duration PURGED_WITHIN = Duration.ofSeconds(60);

  private static String admin;
  private static Session agent;
  private static Session customer;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
    agent = ContactDesk.agent();
    customer = Platform.registerAndLogin("contacts-customer");
  }

  /** Sends a form on {@code site} from an address of its own; returns the inquiry's id. */
  private static String inquiry(String site, ContactRequest form) {
    Reply sent = send(form, site, newClientAddress());
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    return sent.json().getString("id");
  }

  private static String answer(String text) {
    return Bodies.json(new AnswerRequest(text));
  }

  private static String close(String reason) {
    return Bodies.json(new CloseRequest(reason));
  }

  private static Predicate<Message> answered(String inquiryId, String text) {
    return m ->
        m.payload() != null
            && inquiryId.equals(m.payload().getString("inquiryId", null))
            && text.equals(m.payload().getString("answer", null));
  }

  private static List<JsonObject> history(JsonObject inquiry) {
    return inquiry.getJsonArray("history").getValuesAs(JsonObject.class);
  }

  private static List<String> ids(Reply list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("id"))
        .toList();
  }

  @Test
  void agentsAnswerAndCloseWhatTheSupportQueueHolds() {
    String site = newSite();
    rule(admin, site, new RoutingRuleRequest("order", null, "orders@shop.example", true, null, 1));
    rule(admin, site, new RoutingRuleRequest("press", null, "press@shop.example", false, null, 2));
    ContactRequest asked = form("order");
    String id = inquiry(site, asked);
    String pressId = inquiry(site, form("press"));
    String token = agent.accessToken();

    // The agents' list is the support queue; the press team's inquiry is not theirs.
    assertThat(ids(call("GET", "/inquiries", null, token, site))).containsExactly(id);
    call("GET", "/inquiries/" + pressId, null, token, site).assertProblem(404, "not-found");
    call("POST", "/inquiries/" + pressId + "/answers", answer("Hello"), token, site)
        .assertProblem(404, "not-found");
    assertThat(ids(call("GET", "/inquiries", null, admin, site)))
        .containsExactlyInAnyOrder(id, pressId);

    try (EventTap tap = new EventTap("ContactAnswered.v1")) {
      Reply first =
          call("POST", "/inquiries/" + id + "/answers", answer("It left yesterday."), token, site);
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(first.json().getString("status")).isEqualTo("ANSWERED");
      List<JsonObject> steps = history(first.json());
      assertThat(steps).extracting(s -> s.getString("to")).containsExactly("NEW", "ANSWERED");
      assertThat(steps.get(1).getString("text")).isEqualTo("It left yesterday.");
      assertThat(steps.get(1).getString("actor")).isEqualTo(agent.userId());

      Message published = tap.await(answered(id, "It left yesterday."), EVENTUAL).orElseThrow();
      JsonObject event = published.payload();
      assertThat(event.getString("email")).isEqualTo(asked.email());
      assertThat(event.getString("name")).isEqualTo(asked.name());
      assertThat(event.getString("topic")).isEqualTo("order");
      assertThat(event.getString("message")).as("the question, quoted").isEqualTo(asked.message());
      assertThat(event.getString("language")).isEqualTo("fr");
      assertThat(event.getString("answeredAt")).isNotBlank();
      assertThat(published.header("site")).isEqualTo(site);

      // A further answer joins the history and is mailed too.
      Reply second =
          call("POST", "/inquiries/" + id + "/answers", answer("It arrives today."), token, site);
      assertThat(second.status()).as(second.body()).isEqualTo(200);
      assertThat(history(second.json())).hasSize(3);
      tap.await(answered(id, "It arrives today."), EVENTUAL).orElseThrow();

      Reply closed = call("POST", "/inquiries/" + id + "/close", close("Delivered"), token, site);
      assertThat(closed.status()).as(closed.body()).isEqualTo(200);
      assertThat(closed.json().getString("status")).isEqualTo("CLOSED");
      assertThat(closed.json().getString("closedAt")).isNotBlank();
      JsonObject last = history(closed.json()).get(3);
      assertThat(last.getString("from")).isEqualTo("ANSWERED");
      assertThat(last.getString("to")).isEqualTo("CLOSED");
      assertThat(last.getString("text")).isEqualTo("Delivered");

      // Closing again changes nothing.
      Reply again = call("POST", "/inquiries/" + id + "/close", "{}", token, site);
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(history(again.json())).hasSize(4);
      // (to the second: a database may keep no fractions of it)
      assertThat(Instant.parse(again.json().getString("closedAt")).truncatedTo(ChronoUnit.SECONDS))
          .isEqualTo(
              Instant.parse(closed.json().getString("closedAt")).truncatedTo(ChronoUnit.SECONDS));

      // A closed inquiry takes no answer, from an agent or an administrator: 409, nothing changes
      // and nothing is mailed.
      call("POST", "/inquiries/" + id + "/answers", answer("Too late"), token, site)
          .assertProblem(409, "illegal-transition");
      call("POST", "/inquiries/" + id + "/answers", answer("Too late"), admin, site)
          .assertProblem(409, "illegal-transition");
      JsonObject unchanged = call("GET", "/inquiries/" + id, null, admin, site).json();
      assertThat(unchanged.getString("status")).isEqualTo("CLOSED");
      assertThat(history(unchanged)).hasSize(4);
      // The barrier: an answer given afterwards; once it is in, a refused one would be too.
      String marker = inquiry(site, form("order"));
      call("POST", "/inquiries/" + marker + "/answers", answer("Marker"), token, site);
      tap.await(answered(marker, "Marker"), EVENTUAL).orElseThrow();
      assertThat(tap.seen()).noneMatch(answered(id, "Too late"));
    }
  }

  @Test
  void administratorsSeeEveryInquiryNewestFirstFilteredAndPaged() {
    String site = newSite();
    rule(admin, site, new RoutingRuleRequest("order", null, null, true, null, null));
    rule(admin, site, new RoutingRuleRequest("press", null, "press@shop.example", false, null, 1));
    String first = inquiry(site, form("order"));
    String second = inquiry(site, form("press"));
    String third = inquiry(site, form("order"));

    Reply page = call("GET", "/inquiries?limit=2", null, admin, site);
    assertThat(ids(page)).containsExactly(third, second);
    assertThat(page.json().getInt("total")).isEqualTo(3);
    assertThat(page.json().getInt("limit")).isEqualTo(2);
    assertThat(ids(call("GET", "/inquiries?limit=2&offset=2", null, admin, site)))
        .containsExactly(first);
    assertThat(ids(call("GET", "/inquiries?topic=press", null, admin, site)))
        .containsExactly(second);
    assertThat(ids(call("GET", "/inquiries?status=NEW", null, admin, site))).hasSize(3);

    Reply answered = call("POST", "/inquiries/" + third + "/answers", answer("Done"), admin, site);
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(ids(call("GET", "/inquiries?status=ANSWERED", null, admin, site)))
        .containsExactly(third);
    assertThat(ids(call("GET", "/inquiries?status=CLOSED", null, admin, site))).isEmpty();
    // Agents: the support queue only.
    assertThat(ids(call("GET", "/inquiries", null, agent.accessToken(), site)))
        .containsExactly(third, first);
    assertThat(ids(call("GET", "/inquiries?topic=press", null, agent.accessToken(), site)))
        .isEmpty();
    // Another site's list holds none of them, nor may its id be read there.
    assertThat(ids(call("GET", "/inquiries", null, admin, newSite()))).isEmpty();
    call("GET", "/inquiries/" + first, null, admin, newSite()).assertProblem(404, "not-found");

    // Bad input refused, naming the field, changing nothing.
    call("GET", "/inquiries?status=OPEN", null, admin, site)
        .assertProblem(400, "validation-failed");
    call("GET", "/inquiries?topic=Press!", null, admin, site)
        .assertProblem(400, "validation-failed");
    call("GET", "/inquiries?limit=0", null, admin, site).assertProblem(400, "validation-failed");
    call("GET", "/inquiries/" + UUID.randomUUID(), null, admin, site)
        .assertProblem(404, "not-found");
    String answers = "/inquiries/" + first + "/answers";
    assertThat(field(call("POST", answers, "{}", admin, site))).isEqualTo("body.text");
    assertThat(field(call("POST", answers, answer(" "), admin, site))).isEqualTo("body.text");
    assertThat(field(call("POST", answers, answer("x".repeat(5001)), admin, site)))
        .isEqualTo("body.text");
    call("POST", answers, "[" + answer("Hi") + "]", admin, site)
        .assertProblem(400, "malformed-json");
    call("POST", answers, "", admin, site).assertProblem(400, "malformed-json");
    assertThat(
            field(
                call(
                    "POST", "/inquiries/" + first + "/close", close("r".repeat(501)), admin, site)))
        .isEqualTo("body.reason");
    call("POST", "/inquiries/" + UUID.randomUUID() + "/answers", answer("Hi"), admin, site)
        .assertProblem(404, "not-found");
    JsonObject untouched = call("GET", "/inquiries/" + first, null, admin, site).json();
    assertThat(untouched.getString("status")).isEqualTo("NEW");
    assertThat(history(untouched)).hasSize(1);
  }

  @Test
  void administratorsKeepTheRoutingRules() {
    String site = newSite();
    Reply created =
        call(
            "POST",
            "/routing-rules",
            Bodies.json(
                new RoutingRuleRequest(
                    "order", "Your order", "orders@shop.example", false, null, 2)),
            admin,
            site);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String order = created.json().getString("id");
    assertThat(created.raw().headers().firstValue("Location").orElseThrow()).endsWith("/" + order);
    assertThat(created.json().getString("label")).isEqualTo("Your order");
    assertThat(created.json().getString("mailbox")).isEqualTo("orders@shop.example");
    assertThat(created.json().getBoolean("supportQueue")).isFalse();
    assertThat(created.json().getBoolean("fallback")).isFalse();
    assertThat(created.json().getInt("position")).isEqualTo(2);

    // Refused: a topic the site has, a rule leading nowhere, bad fields.
    call(
            "POST",
            "/routing-rules",
            ruleJson("order", "team@shop.example", false, false),
            admin,
            site)
        .assertProblem(409, "topic-taken");
    assertThat(
            field(
                call("POST", "/routing-rules", ruleJson("press", null, false, false), admin, site)))
        .isEqualTo("body.mailbox");
    assertThat(
            field(
                call(
                    "POST",
                    "/routing-rules",
                    ruleJson("Bad Topic", null, true, false),
                    admin,
                    site)))
        .isEqualTo("body.topic");
    assertThat(
            field(
                call(
                    "POST",
                    "/routing-rules",
                    ruleJson("press", "nope", false, false),
                    admin,
                    site)))
        .isEqualTo("body.mailbox");
    assertThat(
            field(
                call(
                    "POST",
                    "/routing-rules",
                    Bodies.json(new RoutingRuleRequest("press", null, null, true, null, 1001)),
                    admin,
                    site)))
        .isEqualTo("body.position");
    call("POST", "/routing-rules", "{\"topic\":", admin, site).assertProblem(400, "malformed-json");
    assertThat(field(call("POST", "/routing-rules", "{}", admin, site))).isEqualTo("body.topic");
    assertThat(call("GET", "/routing-rules", null, admin, site).json().getInt("total"))
        .isEqualTo(1);

    // One fallback per site: marking another takes the flag from the first.
    String other = rule(admin, site, new RoutingRuleRequest("other", null, null, true, true, 9));
    String help =
        rule(
            admin,
            site,
            new RoutingRuleRequest("help", "Help", "help@shop.example", false, true, 8));
    assertThat(
            call("GET", "/routing-rules/" + other, null, admin, site).json().getBoolean("fallback"))
        .isFalse();
    assertThat(
            call("GET", "/routing-rules/" + help, null, admin, site).json().getBoolean("fallback"))
        .isTrue();
    Reply rules = call("GET", "/routing-rules?limit=2", null, admin, site);
    assertThat(rules.json().getInt("total")).isEqualTo(3);
    assertThat(rules.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("topic"))
        .containsExactly("order", "help");

    // A rule changes, its topic too; not onto another rule's topic.
    Reply renamed =
        call(
            "PUT",
            "/routing-rules/" + order,
            Bodies.json(
                new RoutingRuleRequest("orders", null, "orders@shop.example", true, false, 2)),
            admin,
            site);
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().getString("topic")).isEqualTo("orders");
    assertThat(renamed.json().getString("label")).isEqualTo("orders");
    assertThat(renamed.json().getBoolean("supportQueue")).isTrue();
    call("PUT", "/routing-rules/" + order, ruleJson("help", null, true, false), admin, site)
        .assertProblem(409, "topic-taken");
    assertThat(call("GET", "/topics", null, null, site).jsonArray().getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("topic"))
        .containsExactly("orders", "help", "other");

    // The old topic has no rule now: the site's fallback takes it.
    String routed = inquiry(site, form("order"));
    JsonObject route =
        call("GET", "/inquiries/" + routed, null, admin, site).json().getJsonObject("route");
    assertThat(route.getString("rule")).isEqualTo("help");
    assertThat(route.getString("mailbox")).isEqualTo("help@shop.example");

    // Deleted, the fallback leaves the form, and the support queue takes what no rule does.
    assertThat(call("DELETE", "/routing-rules/" + help, null, admin, site).status()).isEqualTo(204);
    call("GET", "/routing-rules/" + help, null, admin, site).assertProblem(404, "not-found");
    call("DELETE", "/routing-rules/" + help, null, admin, site).assertProblem(404, "not-found");
    String unrouted = inquiry(site, form("order"));
    JsonObject fallback =
        call("GET", "/inquiries/" + unrouted, null, admin, site).json().getJsonObject("route");
    assertThat(fallback.getString("rule", null)).isNull();
    assertThat(fallback.getBoolean("supportQueue")).isTrue();

    // Another site's administrators see none of this site's rules.
    call("GET", "/routing-rules/" + order, null, admin, newSite()).assertProblem(404, "not-found");
    call(
            "PUT",
            "/routing-rules/" + UUID.randomUUID(),
            ruleJson("x", null, true, false),
            admin,
            site)
        .assertProblem(404, "not-found");
  }

  @Test
  void everyEndpointAnswersAsItsRolesSay() {
    String site = newSite();
    String ruleId = rule(admin, site, new RoutingRuleRequest("order", null, null, true, null, 0));
    String id = inquiry(site, form("order"));
    String ruleBody = ruleJson("order", null, true, false);
    String service = Platform.serviceToken("orders");

    // Anyone sends the form and reads its topics, signed in or not.
    for (String token : new String[] {null, customer.accessToken(), agent.accessToken(), admin}) {
      Reply sent =
          call("POST", "/inquiries", Bodies.json(form("order")), token, site, newClientAddress());
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      assertThat(call("GET", "/topics", null, token, site).status()).isEqualTo(200);
    }

    // Everything else: 401 without a token, 403 for customers and services.
    for (String token : new String[] {null, customer.accessToken(), service}) {
      int status = token == null ? 401 : 403;
      String code = token == null ? "unauthorized" : "forbidden";
      call("GET", "/inquiries", null, token, site).assertProblem(status, code);
      call("GET", "/inquiries/" + id, null, token, site).assertProblem(status, code);
      call("POST", "/inquiries/" + id + "/answers", answer("Hi"), token, site)
          .assertProblem(status, code);
      call("POST", "/inquiries/" + id + "/close", "{}", token, site).assertProblem(status, code);
      call("GET", "/routing-rules", null, token, site).assertProblem(status, code);
      call("POST", "/routing-rules", ruleBody, token, site).assertProblem(status, code);
      call("GET", "/routing-rules/" + ruleId, null, token, site).assertProblem(status, code);
      call("PUT", "/routing-rules/" + ruleId, ruleBody, token, site).assertProblem(status, code);
      call("DELETE", "/routing-rules/" + ruleId, null, token, site).assertProblem(status, code);
    }
    // Agents work the inquiries but do not route them.
    String token = agent.accessToken();
    call("GET", "/routing-rules", null, token, site).assertProblem(403, "forbidden");
    call("POST", "/routing-rules", ruleBody, token, site).assertProblem(403, "forbidden");
    call("GET", "/routing-rules/" + ruleId, null, token, site).assertProblem(403, "forbidden");
    call("PUT", "/routing-rules/" + ruleId, ruleBody, token, site).assertProblem(403, "forbidden");
    call("DELETE", "/routing-rules/" + ruleId, null, token, site).assertProblem(403, "forbidden");
    JsonObject untouched = call("GET", "/inquiries/" + id, null, admin, site).json();
    assertThat(history(untouched)).as("nothing refused changed it").hasSize(1);
    assertThat(call("GET", "/routing-rules/" + ruleId, null, admin, site).status()).isEqualTo(200);

    assertThat(call("GET", "/inquiries", null, token, site).status()).isEqualTo(200);
    assertThat(call("GET", "/inquiries/" + id, null, token, site).status()).isEqualTo(200);
    assertThat(call("POST", "/inquiries/" + id + "/answers", answer("Hi"), token, site).status())
        .isEqualTo(200);
    assertThat(call("POST", "/inquiries/" + id + "/close", "{}", token, site).status())
        .isEqualTo(200);

    // Administrators: everything.
    String other = inquiry(site, form("order"));
    assertThat(call("GET", "/inquiries", null, admin, site).status()).isEqualTo(200);
    assertThat(call("GET", "/inquiries/" + other, null, admin, site).status()).isEqualTo(200);
    assertThat(call("POST", "/inquiries/" + other + "/answers", answer("Hi"), admin, site).status())
        .isEqualTo(200);
    assertThat(call("POST", "/inquiries/" + other + "/close", "{}", admin, site).status())
        .isEqualTo(200);
    assertThat(call("GET", "/routing-rules", null, admin, site).status()).isEqualTo(200);
    assertThat(call("GET", "/routing-rules/" + ruleId, null, admin, site).status()).isEqualTo(200);
    assertThat(call("PUT", "/routing-rules/" + ruleId, ruleBody, admin, site).status())
        .isEqualTo(200);
    assertThat(call("DELETE", "/routing-rules/" + ruleId, null, admin, site).status())
        .isEqualTo(204);
    assertThat(call("POST", "/routing-rules", ruleBody, admin, site).status()).isEqualTo(201);
  }

  @Test
  void closedInquiriesArePurgedAfterTheirRetention() throws Exception {
    // Written straight into the service's database, as time would have left them (P365D).
    String site = newSite();
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    String open = UUID.randomUUID().toString();
    insert(old, site, "CLOSED", Duration.ofDays(500), Duration.ofDays(400));
    insert(recent, site, "CLOSED", Duration.ofDays(30), Duration.ofDays(10));
    insert(open, site, "NEW", Duration.ofDays(800), null);

    await().atMost(PURGED_WITHIN).until(() -> count("inquiries", old) == 0);
    assertThat(count("inquiry_history", old)).as("its history goes with it").isZero();
    assertThat(count("inquiries", recent)).isEqualTo(1);
    assertThat(count("inquiries", open)).as("open inquiries wait to be closed").isEqualTo(1);
    assertThat(count("inquiry_history", recent)).isEqualTo(1);
    call("GET", "/inquiries/" + old, null, admin, site).assertProblem(404, "not-found");
  }

  private static void insert(
      String id, String site, String status, Duration receivedAgo, Duration closedAgo)
      throws SQLException {
    Instant now = Instant.now();
    Timestamp received = Timestamp.from(now.minus(receivedAgo));
    Timestamp closed = closedAgo == null ? null : Timestamp.from(now.minus(closedAgo));
    try (Connection c = ServiceDatabase.open("contacts")) {
      try (PreparedStatement inquiry =
          c.prepareStatement(
              "INSERT INTO inquiries (id, site, topic, name, email, message, route_support_queue,"
                  + " status, received_at, updated_at, closed_at)"
                  + " VALUES (?, ?, 'order', 'IT Retention', ?, 'Old news', TRUE, ?, ?, ?, ?)")) {
        inquiry.setString(1, id);
        inquiry.setString(2, site);
        inquiry.setString(3, Platform.newEmail("retention"));
        inquiry.setString(4, status);
        inquiry.setTimestamp(5, received);
        inquiry.setTimestamp(6, closed == null ? received : closed);
        inquiry.setTimestamp(7, closed);
        inquiry.executeUpdate();
      }
      try (PreparedStatement step =
          c.prepareStatement(
              "INSERT INTO inquiry_history (inquiry_id, position, from_status, to_status,"
                  + " changed_at) VALUES (?, 0, NULL, 'NEW', ?)")) {
        step.setString(1, id);
        step.setTimestamp(2, received);
        step.executeUpdate();
      }
    }
  }

  private static long count(String table, String inquiryId) throws SQLException {
    String column = table.equals("inquiries") ? "id" : "inquiry_id";
    return ServiceDatabase.count(
        "contacts", "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", inquiryId);
  }

  /** A routing rule's body with a topic, a mailbox or none, the queue or not, fallback or not. */
  private static String ruleJson(String topic, String mailbox, boolean queue, boolean fallback) {
    return Bodies.json(new RoutingRuleRequest(topic, null, mailbox, queue, fallback, null));
  }

  /** The one field a 400 names. */
  private static String field(Reply reply) {
    reply.assertProblem(400, "validation-failed");
    List<JsonObject> errors = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class);
    assertThat(errors).as(reply.body()).isNotEmpty();
    return errors.get(0).getString("field");
  }
}
