package io.opencommerce.it.newsletters;

import static io.opencommerce.it.newsletters.Newsletter.awaitCampaign;
import static io.opencommerce.it.newsletters.Newsletter.call;
import static io.opencommerce.it.newsletters.Newsletter.emails;
import static io.opencommerce.it.newsletters.Newsletter.field;
import static io.opencommerce.it.newsletters.Newsletter.fields;
import static io.opencommerce.it.newsletters.Newsletter.json;
import static io.opencommerce.it.newsletters.Newsletter.newSite;
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
import io.opencommerce.newsletters.client.CampaignRequest;
import io.opencommerce.newsletters.client.CampaignSchedule;
import io.opencommerce.newsletters.client.TemplateRequest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Campaigns as administrators run them and subscribers receive them: a campaign scheduled a few
 * seconds ahead reaches every confirmed subscriber of its site (of its language) once, and never a
 * pending or unsubscribed address; its progress shows its mails sent; the one-click unsubscribe of
 * its {@code List-Unsubscribe} header works and keeps the next campaign away; a queued newsletter
 * to an address that left since is cancelled, not sent; campaigns are cancelled while they wait and
 * not once started; a stored newsletter template version must be active; bad input stores nothing.
 */
class CampaignsIT {
  private static String admin;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
  }

  /** A campaign of the subscribers' own template, tagged so its mails are told from others'. */
  private static CampaignRequest campaign(String tag, String audienceLanguage) {
    return new CampaignRequest(
        "Campaign " + tag,
        audienceLanguage,
        null,
        "News " + tag + " for {{email}}",
        "Hello {{email}},\nNews " + tag + ".\nUnsubscribe: {{unsubscribeLink}}\n",
        "<p>Hello {{email}}, news "
            + tag
            + ".</p><p><a href=\"{{unsubscribeLink}}\">Unsubscribe</a></p>");
  }

  /** Writes it as a draft on {@code site}; returns its id. */
  private static String create(String site, CampaignRequest request) {
    Reply created = json("POST", "/campaigns", Bodies.json(request), admin, site);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("status")).isEqualTo("DRAFT");
    return created.json().getString("id");
  }

  private static Reply schedule(String site, String id, Instant at) {
    return json(
        "POST",
        "/campaigns/" + id + "/schedule",
        Bodies.json(new CampaignSchedule(at)),
        admin,
        site);
  }

  /** Writes and schedules a campaign {@code seconds} from now; returns its id. */
  private static String scheduled(String site, CampaignRequest request, int seconds) {
    String id = create(site, request);
    Reply scheduled = schedule(site, id, Instant.now().plusSeconds(seconds));
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(scheduled.json().getString("status")).isEqualTo("SCHEDULED");
    return id;
  }

  private static Predicate<Mailbox.Mail> subject(String tag) {
    return m -> m.subject() != null && m.subject().startsWith("News " + tag + " ");
  }

  private static Predicate<JsonObject> status(String status) {
    return c -> status.equals(c.getString("status"));
  }

  @Test
  void aScheduledCampaignReachesEveryConfirmedSubscriberOnceAndNoOneElse() {
    String site = newSite();
    String english = Newsletter.confirmedSubscriber(site, "en", "nl-camp-en");
    String french = Newsletter.confirmedSubscriber(site, "fr", "nl-camp-fr");
    String pending = Platform.newEmail("nl-camp-pending");
    assertThat(Newsletter.subscribe(pending, "en", site).status()).isEqualTo(202);
    Session left = Newsletter.unsubscribedCustomer(site);
    // A confirmed subscriber of another site.
    String elsewhere = Newsletter.confirmedSubscriber(newSite(), "en", "nl-camp-other");

    String tag = UUID.randomUUID().toString().substring(0, 8);
    String id = scheduled(site, campaign(tag, null), 3);

    Mailbox.Mail mail = Mailbox.await(english, subject(tag));
    assertThat(mail.subject()).isEqualTo("News " + tag + " for " + english);
    assertThat(mail.html()).contains("<p>Hello " + english);
    assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(Newsletter.listUnsubscribe(mail)).contains("/subscriptions/unsubscription?token=");
    assertThat(mail.text()).contains("Unsubscribe: " + Newsletter.listUnsubscribe(mail));
    assertThat(mail.header("Auto-Submitted")).as("a marketing mail").isNull();
    Mailbox.await(french, subject(tag));

    JsonObject sent = awaitCampaign(admin, site, id, c -> "SENT".equals(c.getString("status")));
    JsonObject progress = sent.getJsonObject("progress");
    assertThat(progress.getInt("enqueued")).isEqualTo(2);
    assertThat(progress.getBoolean("allEnqueued")).isTrue();
    assertThat(progress.getInt("sent")).isEqualTo(2);
    assertThat(progress.getInt("queued")).isZero();
    assertThat(progress.getInt("failed")).isZero();
    assertThat(sent.isNull("startedAt")).isFalse();
    assertThat(sent.isNull("finishedAt")).isFalse();

    // Once per confirmed subscriber, whatever else runs; never to the others.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Mailbox.count(english, subject(tag)) == 1
                    && Mailbox.count(french, subject(tag)) == 1
                    && Mailbox.count(pending, subject(tag)) == 0
                    && Mailbox.count(left.email(), subject(tag)) == 0
                    && Mailbox.count(elsewhere, subject(tag)) == 0);

    // The queue shows the campaign's two mails, each with its unsubscribe address.
    JsonObject mails = json("GET", "/mails?campaignId=" + id, null, admin, site).json();
    assertThat(mails.getInt("total")).isEqualTo(2);
    assertThat(
            mails.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("recipient")))
        .containsExactlyInAnyOrder(english, french);

    // Sent: it can be neither cancelled nor moved.
    json("POST", "/campaigns/" + id + "/cancel", null, admin, site)
        .assertProblem(409, "illegal-transition");
    schedule(site, id, Instant.now().plusSeconds(60)).assertProblem(409, "illegal-transition");
  }

  @Test
  void aCampaignForOneLanguageReachesOnlyTheSubscribersOfThatLanguage() {
    String site = newSite();
    String english = Newsletter.confirmedSubscriber(site, "en", "nl-lang-en");
    String french = Newsletter.confirmedSubscriber(site, "fr", "nl-lang-fr");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String id = scheduled(site, campaign(tag, "fr"), 2);
    Mailbox.await(french, subject(tag));
    JsonObject sent = awaitCampaign(admin, site, id, status("SENT"));
    assertThat(sent.getString("audienceLanguage")).isEqualTo("fr");
    assertThat(sent.getJsonObject("progress").getInt("sent")).isEqualTo(1);
    assertThat(Mailbox.count(english, subject(tag))).isZero();
  }

  @Test
  void theOneClickUnsubscribeOfTheListUnsubscribeHeaderWorksAndKeepsTheNextCampaignAway() {
    String site = newSite();
    String email = Newsletter.confirmedSubscriber(site, "en", "nl-one-click");
    String first = UUID.randomUUID().toString().substring(0, 8);
    scheduled(site, campaign(first, null), 2);
    Mailbox.Mail mail = Mailbox.await(email, subject(first));
    String url = Newsletter.listUnsubscribe(mail);

    // Following the address shows the subscription and changes nothing (scanners follow links).
    Reply shown = call("GET", url, null, null, null, null, null, null);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().getString("status")).isEqualTo("CONFIRMED");
    Reply page = call("GET", url, null, null, null, null, null, "text/html");
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("name=\"List-Unsubscribe\" value=\"One-Click\"");
    // Another body is refused and changes nothing.
    assertThat(
            field(
                Newsletter.oneClick(url, "List-Unsubscribe=Maybe")
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.List-Unsubscribe");
    assertThat(emails(subscribers(admin, site, "&status=CONFIRMED"))).containsExactly(email);

    // The mail client's one-click POST: no session, no token, the form body of RFC 8058.
    Reply unsubscribed = Newsletter.oneClick(url, Newsletter.ONE_CLICK);
    assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(200);
    assertThat(unsubscribed.json().getString("status")).isEqualTo("UNSUBSCRIBED");
    Reply again = Newsletter.oneClick(url, Newsletter.ONE_CLICK);
    assertThat(again.status()).as("again: harmless").isEqualTo(200);
    // Unchanged (read back from the database, to the second).
    assertThat(Instant.parse(again.json().getString("unsubscribedAt")))
        .isCloseTo(
            Instant.parse(unsubscribed.json().getString("unsubscribedAt")),
            within(1, ChronoUnit.SECONDS));
    assertThat(emails(subscribers(admin, site, ""))).isEmpty();
    assertThat(emails(subscribers(admin, site, "&status=UNSUBSCRIBED"))).containsExactly(email);

    String second = UUID.randomUUID().toString().substring(0, 8);
    String id = scheduled(site, campaign(second, null), 2);
    JsonObject sent = awaitCampaign(admin, site, id, status("SENT"));
    assertThat(sent.getJsonObject("progress").getInt("enqueued")).isZero();
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> Mailbox.count(email, subject(second)) == 0);
  }

  @Test
  void aQueuedNewsletterToAnAddressThatLeftSinceIsCancelledNotSent() throws Exception {
    String site = newSite();
    String staying = Newsletter.confirmedSubscriber(site, "en", "nl-stays");
    Session left = Newsletter.unsubscribedCustomer(site);
    String stayingId = emailId(site, staying, "CONFIRMED");
    String leftId = emailId(site, left.email(), "UNSUBSCRIBED");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    // Newsletters queued while both were subscribed (as a campaign's batch left them), due now.
    String toStaying = queueNewsletter(site, stayingId, staying, tag);
    String toLeft = queueNewsletter(site, leftId, left.email(), tag);

    Mailbox.await(staying, subject(tag));
    JsonObject cancelled =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> json("GET", "/mails/" + toLeft, null, admin, site).json(),
                m -> !"QUEUED".equals(m.getString("status")));
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("lastError")).isEqualTo("unsubscribed");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "SENT"
                    .equals(
                        json("GET", "/mails/" + toStaying, null, admin, site)
                            .json()
                            .getString("status")));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> Mailbox.count(left.email(), subject(tag)) == 0);
  }

  /** The id of {@code email}'s subscriber on {@code site}, as the administrators' list shows it. */
  private static String emailId(String site, String email, String status) {
    return subscribers(admin, site, "&status=" + status)
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(s -> email.equals(s.getString("email")))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  /** Writes a due newsletter mail of a campaign straight into the queue; returns its id. */
  private static String queueNewsletter(String site, String subscriberId, String email, String tag)
      throws Exception {
    String id = UUID.randomUUID().toString();
    String campaign = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection db = ServiceDatabase.open("newsletters");
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO outgoing_mails (id, site, kind, language, source_key, campaign_id,"
                    + " subscriber_id, recipient, subject, text_body, html_body, unsubscribe_url,"
                    + " status, next_attempt_at, created_at, updated_at)"
                    + " VALUES (?, ?, 'NEWSLETTER', 'en', ?, ?, ?, ?, ?, 'News', '<p>News</p>',"
                    + " 'http://localhost:9080/newsletters/api/subscriptions/unsubscription?token=x',"
                    + " 'QUEUED', ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, site);
      insert.setString(3, "campaign:" + campaign + ":" + subscriberId);
      insert.setString(4, campaign);
      insert.setString(5, subscriberId);
      insert.setString(6, email);
      insert.setString(7, "News " + tag + " for " + email);
      insert.setTimestamp(8, now);
      insert.setTimestamp(9, now);
      insert.setTimestamp(10, now);
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
    return id;
  }

  @Test
  void campaignsAreCancelledWhileTheyWaitAndNotOnceTheyStarted() {
    String site = newSite();
    String email = Newsletter.confirmedSubscriber(site, "en", "nl-cancel");
    String called = UUID.randomUUID().toString().substring(0, 8);
    String off = scheduled(site, campaign(called, null), 30);
    JsonObject cancelled = json("POST", "/campaigns/" + off + "/cancel", null, admin, site).json();
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(
            json("POST", "/campaigns/" + off + "/cancel", null, admin, site)
                .json()
                .getString("status"))
        .as("again: nothing changes")
        .isEqualTo("CANCELLED");
    schedule(site, off, Instant.now().plusSeconds(60)).assertProblem(409, "illegal-transition");
    // A draft may be cancelled too.
    String draft = create(site, campaign("draft", null));
    assertThat(
            json("POST", "/campaigns/" + draft + "/cancel", null, admin, site)
                .json()
                .getString("status"))
        .isEqualTo("CANCELLED");

    String sentTag = UUID.randomUUID().toString().substring(0, 8);
    String sent = scheduled(site, campaign(sentTag, null), 2);
    // A scheduled campaign may be moved before it starts.
    assertThat(schedule(site, sent, Instant.now().plusSeconds(3)).status()).isEqualTo(200);
    Mailbox.await(email, subject(sentTag));
    awaitCampaign(admin, site, sent, status("SENT"));
    json("POST", "/campaigns/" + sent + "/cancel", null, admin, site)
        .assertProblem(409, "illegal-transition");

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> Mailbox.count(email, subject(called)) == 0);
    assertThat(
            json("GET", "/campaigns/" + off, null, admin, site)
                .json()
                .getJsonObject("progress")
                .getInt("enqueued"))
        .isZero();
    JsonObject list = json("GET", "/campaigns?status=CANCELLED", null, admin, site).json();
    assertThat(list.getInt("total")).isEqualTo(2);
  }

  @Test
  void aCampaignMayUseTheSitesActiveNewsletterTemplateVersion() {
    String site = newSite();
    String email = Newsletter.confirmedSubscriber(site, "en", "nl-template");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Reply version =
        json(
            "POST",
            "/templates",
            Bodies.json(
                new TemplateRequest(
                    "newsletter",
                    "en",
                    "News " + tag + " from {{shopName}}",
                    "Hello {{email}}. Leave: {{unsubscribeLink}}",
                    "<p>Hello {{email}}</p><a href=\"{{unsubscribeLink}}\">Leave</a>")),
            admin,
            site);
    assertThat(version.status()).as(version.body()).isEqualTo(201);
    String versionId = version.json().getString("id");
    CampaignRequest byVersion =
        new CampaignRequest("Stored", null, UUID.fromString(versionId), null, null, null);

    // Not active yet: refused, nothing stored.
    assertThat(
            field(
                json("POST", "/campaigns", Bodies.json(byVersion), admin, site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.templateVersionId");
    assertThat(json("GET", "/campaigns", null, admin, site).json().getInt("total")).isZero();

    assertThat(json("POST", "/templates/" + versionId + "/activation", null, admin, site).status())
        .isEqualTo(200);
    String id = create(site, byVersion);
    assertThat(
            json(
                    "POST",
                    "/campaigns/" + id + "/schedule",
                    Bodies.json(new CampaignSchedule(Instant.now().plusSeconds(2))),
                    admin,
                    site)
                .status())
        .isEqualTo(200);
    Mailbox.Mail mail =
        Mailbox.await(email, m -> m.subject().equals("News " + tag + " from IT " + site));
    assertThat(mail.text()).contains("Hello " + email, "/subscriptions/unsubscription?token=");
    awaitCampaign(admin, site, id, status("SENT"));

    // Another site's version, or a version of another kind, cannot be named.
    json("POST", "/campaigns", Bodies.json(byVersion), admin, newSite())
        .assertProblem(400, "validation-failed");
    Reply welcome =
        json(
            "POST",
            "/templates",
            Bodies.json(new TemplateRequest("welcome", "en", "Hi", "Hi {{name}}", "<p>Hi</p>")),
            admin,
            site);
    CampaignRequest wrongKind =
        new CampaignRequest(
            "Wrong", null, UUID.fromString(welcome.json().getString("id")), null, null, null);
    assertThat(
            field(
                json("POST", "/campaigns", Bodies.json(wrongKind), admin, site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.templateVersionId");
  }

  @Test
  void badCampaignsAreRefusedNamingTheFieldAndStoreNothing() {
    String site = newSite();
    List<Object[]> bad =
        List.of(
            new Object[] {new CampaignRequest(null, null, null, "s", "t", "<p>h</p>"), "body.name"},
            new Object[] {new CampaignRequest(" ", null, null, "s", "t", "<p>h</p>"), "body.name"},
            new Object[] {
              new CampaignRequest("x", "english", null, "s", "t", "<p>h</p>"),
              "body.audienceLanguage"
            },
            new Object[] {
              new CampaignRequest("x", null, null, "{{#open}}", "t", "<p>h</p>"), "body.subject"
            },
            new Object[] {
              new CampaignRequest("x", null, null, "s", "{{> /etc/passwd}}", "<p>h</p>"),
              "body.text"
            },
            new Object[] {
              new CampaignRequest("x", null, null, "s", "t", "<p>{{{email}}}</p>"), "body.html"
            },
            new Object[] {new CampaignRequest("x", null, null, "s", "t", null), "body.html"},
            new Object[] {
              new CampaignRequest("x", null, UUID.randomUUID(), null, null, null),
              "body.templateVersionId"
            },
            new Object[] {
              new CampaignRequest("x", null, UUID.randomUUID(), "s", "t", "<p>h</p>"),
              "body.templateVersionId"
            });
    for (Object[] b : bad) {
      Reply refused = json("POST", "/campaigns", Bodies.json(b[0]), admin, site);
      assertThat(field(refused.assertProblem(400, "validation-failed")))
          .as("%s", b[0])
          .isEqualTo(b[1]);
    }
    Reply nothing = json("POST", "/campaigns", "{\"name\":\"x\"}", admin, site);
    assertThat(fields(nothing.assertProblem(400, "validation-failed")))
        .containsExactlyInAnyOrder("body.subject", "body.text", "body.html");
    json("POST", "/campaigns", "{\"name\":\"x\",\"templateVersionId\":\"nope\"}", admin, site)
        .assertProblem(400, null);
    json("POST", "/campaigns", "[{\"name\":\"x\"}]", admin, site)
        .assertProblem(400, "malformed-json");
    assertThat(json("GET", "/campaigns", null, admin, site).json().getInt("total")).isZero();

    String id = create(site, campaign("bad", null));
    assertThat(
            field(
                schedule(site, id, Instant.now().minusSeconds(60))
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.sendAt");
    assertThat(
            field(
                json("POST", "/campaigns/" + id + "/schedule", "{}", admin, site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.sendAt");
    json("POST", "/campaigns/" + id + "/schedule", "{\"sendAt\":\"tomorrow\"}", admin, site)
        .assertProblem(400, null);
    assertThat(json("GET", "/campaigns/" + id, null, admin, site).json().getString("status"))
        .isEqualTo("DRAFT");
    assertThat(
            field(
                json("GET", "/campaigns?status=LOST", null, admin, site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.status");
    json("GET", "/campaigns/" + UUID.randomUUID(), null, admin, site)
        .assertProblem(404, "not-found");
    // Another site does not see it.
    json("GET", "/campaigns/" + id, null, admin, newSite()).assertProblem(404, "not-found");
  }
}
