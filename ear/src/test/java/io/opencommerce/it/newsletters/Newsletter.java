package io.opencommerce.it.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.newsletters.client.OwnSubscriptionRequest;
import io.opencommerce.newsletters.client.SubscriptionRequest;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The newsletters' subscriptions and campaigns as the suites use them. Every test works on a site
 * of its own ({@code X-Site}), so that its campaigns reach its own subscribers only, and subscribes
 * from a client address of its own ({@code X-Forwarded-For}, believed from loopback by the
 * all-in-one server), so that the per-address limit of one test never counts another's.
 */
final class Newsletter {
  static final String API = TransactionalMailIT.NEWSLETTERS;
  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";
  static final String ONE_CLICK = "List-Unsubscribe=One-Click";
  static final String CONFIRMATION_PATH = "/newsletters/api/subscriptions/confirmation?token=";

  /**
   * The all-in-one server's development secret for subscribers' links ({@code
   * newsletters.links.secret}; {@code -Dplatform.newsletters.links-secret} overrides): the suites
   * sign links for subscribers that do not exist with it, to show that a well-signed link to
   * nothing finds nothing.
   */
  static final String LOCAL_LINKS_SECRET =
      System.getProperty(
          "platform.newsletters.links-secret", "newsletters-local-links-secret-2026");

  private Newsletter() {}

  /** A site code nobody else uses. */
  static String newSite() {
    return Platform.newSite("it-nl");
  }

  /** A client address for X-Forwarded-For that no other test uses. */
  static String newClientAddress() {
    return Platform.newClientAddress();
  }

  /** One request; null arguments are left out ({@code accept} null: JSON). */
  static Reply call(
      String method,
      String url,
      String body,
      String contentType,
      String token,
      String site,
      String forwardedFor,
      String accept) {
    return Platform.request(
        method,
        url.startsWith("http") ? url : API + url,
        Platform.headers(
            "Accept",
            accept == null ? JSON : accept,
            "Content-Type",
            contentType,
            "Authorization",
            Platform.bearer(token),
            "X-Site",
            site,
            "X-Forwarded-For",
            forwardedFor),
        body);
  }

  /** A JSON request on {@code site} with {@code token} (null: anonymous). */
  static Reply json(String method, String path, String json, String token, String site) {
    return call(method, path, json, json == null ? null : JSON, token, site, null, null);
  }

  /** Asks for the newsletter of {@code site} at {@code email}, from a client address of its own. */
  static Reply subscribe(String email, String language, String site) {
    return call(
        "POST",
        "/subscriptions",
        Bodies.json(new SubscriptionRequest(email, language)),
        JSON,
        null,
        site,
        newClientAddress(),
        null);
  }

  static boolean isConfirmation(Mailbox.Mail mail) {
    return mail.text() != null && mail.text().contains(CONFIRMATION_PATH);
  }

  /**
   * The token of the newest confirmation mail {@code email} received, once it has one more than
   * {@code seen}.
   */
  static String awaitConfirmationToken(String email, int seen) {
    List<Mailbox.Mail> mails =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> Mailbox.of(email).stream().filter(Newsletter::isConfirmation).toList(),
                found -> found.size() > seen);
    return tokenOf(mails.get(mails.size() - 1).link(CONFIRMATION_PATH));
  }

  static String awaitConfirmationToken(String email) {
    return awaitConfirmationToken(email, 0);
  }

  static String tokenOf(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  /** Follows a confirmation link as an API client (JSON). */
  static Reply confirm(String token) {
    return call(
        "GET",
        "/subscriptions/confirmation?token=" + encode(token),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A new address of {@code site} in {@code language}, subscribed and confirmed. */
  static String confirmedSubscriber(String site, String language, String tag) {
    String email = Platform.newEmail(tag);
    Reply asked = subscribe(email, language, site);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    Reply confirmed = confirm(awaitConfirmationToken(email));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.json().getString("status")).isEqualTo("CONFIRMED");
    return email;
  }

  /**
   * A customer of {@code site} who subscribed from their account, confirmed, and left: an address
   * the newsletter must never reach again.
   */
  static Session unsubscribedCustomer(String site) {
    Session customer = Platform.registerAndLogin("nl-left");
    Reply subscribed = subscribeOwn(customer, site, null);
    assertThat(subscribed.json().getString("status")).isEqualTo("PENDING");
    assertThat(confirm(awaitConfirmationToken(customer.email())).status()).isEqualTo(200);
    assertThat(json("DELETE", "/subscriptions/me", null, customer.accessToken(), site).status())
        .isEqualTo(204);
    assertThat(own(customer.accessToken(), site).getString("status")).isEqualTo("UNSUBSCRIBED");
    return customer;
  }

  /**
   * {@code PUT /subscriptions/me} once the service has heard of the account: its registration is an
   * event, handled in the transaction that queues the welcome mail, so the welcome mail in the
   * mailbox says the account is known (before, the answer is 409 {@code account-unknown}; asking in
   * a loop would spend the per-customer limit).
   */
  static Reply subscribeOwn(Session customer, String site, String language) {
    Mailbox.await(customer.email(), m -> m.subject().startsWith("Welcome"));
    Reply reply =
        json(
            "PUT",
            "/subscriptions/me",
            Bodies.json(new OwnSubscriptionRequest(language)),
            customer.accessToken(),
            site);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply;
  }

  /** The caller's own subscription on {@code site}. */
  static JsonObject own(String token, String site) {
    Reply reply = json("GET", "/subscriptions/me", null, token, site);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** The administrators' list of {@code site}'s subscribers for {@code query}. */
  static JsonObject subscribers(String admin, String site, String query) {
    Reply reply = json("GET", "/subscriptions?limit=100" + query, null, admin, site);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  static List<String> emails(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(s -> s.getString("email"))
        .toList();
  }

  /** A campaign of {@code site} once {@code until} holds for it (read as an administrator). */
  static JsonObject awaitCampaign(
      String admin, String site, String id, Predicate<JsonObject> until) {
    return await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> json("GET", "/campaigns/" + id, null, admin, site).json(), until);
  }

  /** The one-click POST a mail client sends to a {@code List-Unsubscribe} address. */
  static Reply oneClick(String url, String body) {
    return call("POST", url, body, FORM, null, null, null, null);
  }

  /** The address of a mail's {@code List-Unsubscribe} header (between its angle brackets). */
  static String listUnsubscribe(Mailbox.Mail mail) {
    String header = mail.header("List-Unsubscribe");
    assertThat(header).as("List-Unsubscribe").isNotNull().startsWith("<").endsWith(">");
    return header.substring(1, header.length() - 1);
  }

  /**
   * A link token signed with the local secret, in the service's format ({@code
   * <subscriber>.<round>. <base64url HMAC-SHA256 of purpose, subscriber and round>}).
   */
  static String localToken(String purpose, UUID subscriber, int round) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(LOCAL_LINKS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature =
          mac.doFinal(
              (purpose + "\n" + subscriber + "\n" + round).getBytes(StandardCharsets.UTF_8));
      return subscriber
          + "."
          + round
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new account with the support agents' role (and the customers' it registered with). */
  static String agentToken() {
    return Platform.newAgent("nl-agent").accessToken();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String field(Reply problem) {
    return problem.json().getJsonArray("errors").getJsonObject(0).getString("field");
  }

  static List<String> fields(Reply problem) {
    return problem.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }
}
