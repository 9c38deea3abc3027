package io.opencommerce.it.questions;

import static io.opencommerce.it.questions.FaqDesk.call;
import static io.opencommerce.it.questions.FaqDesk.create;
import static io.opencommerce.it.questions.FaqDesk.entry;
import static io.opencommerce.it.questions.FaqDesk.fields;
import static io.opencommerce.it.questions.FaqDesk.newSite;
import static io.opencommerce.it.questions.FaqDesk.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.questions.client.PublicationRequest;
import io.opencommerce.questions.client.ReorderRequest;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with the FAQ, and what bad input gets: administrators alone write (customers and
 * support agents 403, anonymous callers 401, on every write); a malformed, mistyped or oversized
 * body is 400 problem+json naming the field, and nothing is stored.
 */
class FaqRolesIT {

  @Test
  void onlyAdministratorsWrite() throws Exception {
    String site = newSite();
    String id = create(site, entry("orders", "Roles?", "Admins write."));
    String customer = Platform.registerAndLogin("faq-customer").accessToken();
    String agent = FaqDesk.withRole("agent").accessToken();
    String body = Bodies.json(entry("orders", "Sneaky", "Should not be stored."));
    String publication = Bodies.json(new PublicationRequest(false));
    String order = Bodies.json(new ReorderRequest("en", "orders", List.of(UUID.fromString(id))));

    for (String token : new String[] {customer, agent, null}) {
      int expected = token == null ? 401 : 403;
      assertThat(call("POST", "/entries", body, token, site).status()).isEqualTo(expected);
      assertThat(call("PUT", "/entries/" + id, body, token, site).status()).isEqualTo(expected);
      assertThat(call("PUT", "/entries/" + id + "/publication", publication, token, site).status())
          .isEqualTo(expected);
      assertThat(call("PUT", "/entries/order", order, token, site).status()).isEqualTo(expected);
      assertThat(call("DELETE", "/entries/" + id, null, token, site).status()).isEqualTo(expected);
    }
    call("POST", "/entries", body, customer, site).assertProblem(403, null);
    call("POST", "/entries", body, null, site).assertProblem(401, null);

    assertThat(stored(site)).isEqualTo(1);
    Reply read = call("GET", "/entries/" + id, null, null, site);
    assertThat(read.json().getString("question")).isEqualTo("Roles?");
    assertThat(read.json().getBoolean("published")).isTrue();
  }

  @Test
  void badBodiesNameTheFieldAndStoreNothing() throws Exception {
    String site = newSite();
    String admin = Platform.admin().accessToken();
    String valid = Bodies.json(entry("orders", "Valid?", "Yes."));

    // An array holding the object is not the object.
    call("POST", "/entries", "[" + valid + "]", admin, site).assertProblem(400, "malformed-json");
    call("POST", "/entries", "{\"question\":", admin, site).assertProblem(400, "malformed-json");
    assertFields(
        admin,
        site,
        "{\"language\":\"en\",\"category\":\"orders\",\"question\":42,\"answer\":\"A\"}",
        "body.question");
    assertFields(
        admin,
        site,
        "{\"language\":\"en\",\"category\":\"orders\",\"question\":\"Q\",\"answer\":true}",
        "body.answer");
    assertFields(
        admin,
        site,
        "{\"language\":\"en\",\"category\":\"orders\",\"question\":\"Q\",\"answer\":\"A\","
            + "\"tags\":\"one\"}",
        "body.tags");
    assertFields(
        admin,
        site,
        Bodies.json(request("en", "orders", "x".repeat(301), "A", List.of())),
        "body.question");
    assertFields(
        admin,
        site,
        Bodies.json(request("en", "orders", "Q", "x".repeat(20_001), List.of())),
        "body.answer");
    assertFields(
        admin,
        site,
        Bodies.json(request("english", "orders", "Q", "A", List.of())),
        "body.language");
    assertFields(
        admin, site, Bodies.json(request("EN_us", "orders", "Q", "A", List.of())), "body.language");
    assertFields(
        admin, site, Bodies.json(request("en", "Orders!", "Q", "A", List.of())), "body.category");
    assertFields(
        admin, site, Bodies.json(request("en", "orders", " ", "A", List.of())), "body.question");
    assertFields(
        admin,
        site,
        Bodies.json(request("en", "orders", "Q", "A", Collections.nCopies(11, "tag"))),
        "body.tags");
    assertFields(
        admin,
        site,
        Bodies.json(request("en", "orders", "Q", "A", List.of("ok", "Not A Slug"))),
        "body.tags[1]");
    assertFields(
        admin,
        site,
        Bodies.json(new EntryRequest("en", "orders", "Q", "A", List.of(), null, true, -1)),
        "body.position");
    assertFields(
        admin,
        site,
        "{\"language\":\"en\",\"category\":\"orders\",\"question\":\"Q\",\"answer\":\"A\","
            + "\"published\":\"yes\"}",
        "body.published");
    // A body over the platform's limit (64 KiB) is refused before it is read.
    Reply huge =
        call(
            "POST",
            "/entries",
            Bodies.json(request("en", "orders", "Q", "x".repeat(70_000), List.of())),
            admin,
            site);
    assertThat(huge.status()).isIn(400, 413);

    assertThat(stored(site)).isZero();
  }

  @Test
  void badParametersAreNamed() throws Exception {
    String site = newSite();
    assertThat(fields(call("GET", "/entries", null, null, site))).containsExactly("query.language");
    assertThat(fields(call("GET", "/entries?language=en&limit=0", null, null, site)))
        .containsExactly("query.limit");
    assertThat(fields(call("GET", "/entries?language=en&status=secret", null, null, site)))
        .containsExactly("query.status");
    assertThat(fields(call("GET", "/entries?language=en&tag=A%20B", null, null, site)))
        .containsExactly("query.tag");
    assertThat(call("GET", "/entries/not-an-id", null, null, site).status()).isIn(400, 404);
    Reply wrongSite = call("GET", "/entries?language=en", null, null, "Not A Site");
    wrongSite.assertProblem(400, null);
  }

  @Test
  void aReorderOfNothingOrOfTooManyIsRefused() throws Exception {
    String site = newSite();
    String admin = Platform.admin().accessToken();
    Reply empty =
        call(
            "PUT",
            "/entries/order",
            Bodies.json(new ReorderRequest("en", "orders", List.of())),
            admin,
            site);
    empty.assertProblem(400, null);
    assertThat(fields(empty)).containsExactly("body.ids");
    Reply missing =
        call("PUT", "/entries/order", "{\"language\":\"en\",\"category\":\"orders\"}", admin, site);
    assertThat(fields(missing)).containsExactly("body.ids");
    assertThat(stored(site)).isZero();
  }

  private static EntryRequest request(
      String language, String category, String question, String answer, List<String> tags) {
    return new EntryRequest(language, category, question, answer, tags, null, null, null);
  }

  private static void assertFields(String admin, String site, String body, String field) {
    Reply refused = call("POST", "/entries", body, admin, site);
    refused.assertProblem(400, null);
    assertThat(fields(refused)).as(refused.body()).contains(field);
  }
}
