package io.opencommerce.it.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.contacts.client.ContactRequest;
import io.opencommerce.contacts.client.RoutingRuleRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The contacts API as the suites use it. Every test works on a site of its own ({@code X-Site}), so
 * its routing rules, its fallback and its inquiries are nobody else's and the default site's form
 * keeps the demo's topics; and sends its forms from a client address of its own ({@code
 * X-Forwarded-For}, believed from loopback by the all-in-one server), so that the per-address limit
 * of one test never counts another's forms.
 */
final class ContactDesk {
  static final String API = Platform.BASE + "/contacts/api";
  static final String SITE = "X-Site";

  private ContactDesk() {}

  /** A site code nobody else uses. */
  static String newSite() {
    return Platform.newSite("it");
  }

  /** A client address for X-Forwarded-For that no other test uses. */
  static String newClientAddress() {
    return Platform.newClientAddress();
  }

  /** One request to the contacts API; null arguments are left out. */
  static Reply call(
      String method, String path, String json, String token, String site, String forwardedFor) {
    return Platform.request(
        method,
        API + path,
        Platform.headers(
            "Content-Type",
            json == null ? null : "application/json",
            "Authorization",
            Platform.bearer(token),
            SITE,
            site,
            "X-Forwarded-For",
            forwardedFor),
        json);
  }

  /** A staff member's (or anyone's) request on a site, from loopback. */
  static Reply call(String method, String path, String json, String token, String site) {
    return call(method, path, json, token, site, null);
  }

  /** Sends a contact form on {@code site} from {@code client}. */
  static Reply send(ContactRequest form, String site, String client) {
    return call("POST", "/inquiries", Bodies.json(form), null, site, client);
  }

  /** A form on {@code topic} from a new sender (an e-mail address of its own), in French. */
  static ContactRequest form(String topic) {
    return new ContactRequest(
        "IT Sender",
        Platform.newEmail("contact"),
        topic,
        "Hello from the suite, " + UUID.randomUUID(),
        "fr",
        null);
  }

  /** The same form with the honeypot filled, as a robot sends it. */
  static ContactRequest robot(ContactRequest form) {
    return new ContactRequest(
        form.name(),
        form.email(),
        form.topic(),
        form.message(),
        form.language(),
        "https://cheap-pills.example");
  }

  /** Adds a routing rule to {@code site} as an administrator; returns its id. */
  static String rule(String admin, String site, RoutingRuleRequest rule) {
    Reply created = call("POST", "/routing-rules", Bodies.json(rule), admin, site);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** A new account with the support agents' role, logged in again so its token carries it. */
  static Session agent() {
    return Platform.newAgent("agent");
  }

  /** How many inquiries the service keeps from {@code email}, on any site. */
  static long storedFrom(String email) throws SQLException {
    return ServiceDatabase.count(
        "contacts", "SELECT COUNT(*) FROM inquiries WHERE email = ?", email);
  }
}
