package io.opencommerce.it.questions;

import static io.opencommerce.it.support.Platform.AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.questions.client.VisitorToken;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The FAQ API as the suites use it. Every test works on a site of its own ({@code X-Site}), so its
 * entries, searches, rankings and cached pages are nobody else's and the demo FAQ of the default
 * site never meets them; and searches for made-up words of its own, which no other entry holds.
 */
final class FaqDesk {
  static final String API = Platform.BASE + "/questions/api";

  private FaqDesk() {}

  static String newSite() {
    return Platform.newSite("faq");
  }

  /**
   * A made-up word nobody else's entry holds: letters only (InnoDB splits words at digits too),
   * long enough for the full-text index.
   */
  static String word() {
    StringBuilder word = new StringBuilder("zq");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  /** One request to the FAQ API on {@code site}; null arguments are left out. */
  static Reply call(
      String method, String path, String json, String token, String site, String visitor) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(API + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (site != null) {
      request.header("X-Site", site);
    }
    if (visitor != null) {
      request.header(VisitorToken.HEADER, visitor);
    }
    return Platform.send(request.build());
  }

  static Reply call(String method, String path, String json, String token, String site) {
    return call(method, path, json, token, site, null);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** An entry request: English, published, in {@code category}, without tags or product. */
  static EntryRequest entry(String category, String question, String answer) {
    return new EntryRequest("en", category, question, answer, List.of(), null, true, null);
  }

  /** Writes an entry on {@code site} as the administrator; its id. */
  static String create(String site, EntryRequest entry) {
    Reply created =
        call("POST", "/entries", Bodies.json(entry), Platform.admin().accessToken(), site);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.raw().headers().firstValue("Location")).isPresent();
    return created.json().getString("id");
  }

  /** The ids of a page of entries or hits. */
  static List<String> ids(Reply page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("id"))
        .toList();
  }

  /** A new visitor's token, from {@code POST /visitors}. */
  static String visitor() {
    Reply issued = call("POST", "/visitors", null, null, null);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    return issued.json().getString("token");
  }

  /** A new account with {@code role} granted, logged in again so its token carries it. */
  static Session withRole(String role) {
    Session account = Platform.registerAndLogin("faq-" + role);
    Reply granted =
        Platform.send(
            "PUT",
            AUTH + "/users/" + account.userId() + "/roles/" + role,
            null,
            Platform.admin().accessToken());
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    return Platform.login(account.email(), account.password(), account.userId());
  }

  /** How many entries of {@code site} the service keeps. */
  static long stored(String site) throws SQLException {
    return ServiceDatabase.count("questions", "SELECT COUNT(*) FROM entries WHERE site = ?", site);
  }

  /** How many votes the service keeps for an entry. */
  static long votes(String entryId) throws SQLException {
    return ServiceDatabase.count(
        "questions", "SELECT COUNT(*) FROM votes WHERE entry_id = ?", entryId);
  }

  /** The fields a 400 problem names. */
  static List<String> fields(Reply problem) {
    return problem.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(error -> error.get("field"))
        .map(value -> value instanceof JsonString s ? s.getString() : String.valueOf(value))
        .toList();
  }

  static UUID uuid(String id) {
    return UUID.fromString(id);
  }
}
