package io.opencommerce.it.questions;

import static io.opencommerce.it.questions.FaqDesk.call;
import static io.opencommerce.it.questions.FaqDesk.create;
import static io.opencommerce.it.questions.FaqDesk.entry;
import static io.opencommerce.it.questions.FaqDesk.ids;
import static io.opencommerce.it.questions.FaqDesk.newSite;
import static io.opencommerce.it.questions.FaqDesk.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.questions.client.PublicationRequest;
import io.opencommerce.questions.client.ReorderRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The FAQ's public reads come from Redis once read, and every change shows on the very next read:
 * an edit, an unpublish, a reorder, a deletion, on the entry, its lists and its searches.
 */
class FaqCacheIT {
  private static final RedisClient REDIS = RedisClient.create("127.0.0.1", 6379);

  @Test
  void repeatedReadsAreServedFromRedisWithEntityTags() {
    String site = newSite();
    String id = create(site, entry("orders", "Cached?", "Yes."));

    Reply first = call("GET", "/entries?language=en", null, null, site);
    assertThat(ids(first)).containsExactly(id);
    Set<String> keys = REDIS.keys("oc:questions:page:" + site + ":en:*");
    assertThat(keys).isNotEmpty();
    assertThat(REDIS.keys("oc:questions:entry:" + site + ":" + id)).isEmpty();
    call("GET", "/entries/" + id, null, null, site);
    assertThat(REDIS.keys("oc:questions:entry:" + site + ":" + id)).hasSize(1);

    String etag = first.raw().headers().firstValue("ETag").orElseThrow();
    Reply again =
        Platform.send(
            HttpRequest.newBuilder(URI.create(FaqDesk.API + "/entries?language=en"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Site", site)
                .header("If-None-Match", etag)
                .GET()
                .build());
    assertThat(again.status()).isEqualTo(304);
  }

  @Test
  void anEditIsVisibleOnTheNextRead() {
    String site = newSite();
    String word = word();
    String id = create(site, entry("orders", "Before the edit", "Old answer."));
    // Fill every cache the entry is in.
    assertThat(call("GET", "/entries/" + id, null, null, site).json().getString("question"))
        .isEqualTo("Before the edit");
    assertThat(call("GET", "/entries?language=en", null, null, site).body())
        .contains("Before the edit");
    assertThat(ids(call("GET", "/entries/search?language=en&q=" + word, null, null, site)))
        .isEmpty();

    Reply edited =
        call(
            "PUT",
            "/entries/" + id,
            Bodies.json(entry("orders", "After the edit", "New answer about " + word + ".")),
            Platform.admin().accessToken(),
            site);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);

    Reply read = call("GET", "/entries/" + id, null, null, site);
    assertThat(read.json().getString("question")).isEqualTo("After the edit");
    assertThat(read.json().getString("answerHtml")).contains(word);
    assertThat(call("GET", "/entries?language=en", null, null, site).body())
        .contains("After the edit")
        .doesNotContain("Before the edit");
    assertThat(ids(call("GET", "/entries/search?language=en&q=" + word, null, null, site)))
        .containsExactly(id);
  }

  @Test
  void anUnpublishRemovesTheEntryFromListsAtOnce() {
    String site = newSite();
    String word = word();
    String kept = create(site, entry("orders", "Kept", "Stays about " + word + "."));
    String withdrawn = create(site, entry("orders", "Withdrawn", "Goes, about " + word + "."));
    String admin = Platform.admin().accessToken();
    assertThat(ids(call("GET", "/entries?language=en", null, null, site)))
        .containsExactly(kept, withdrawn);
    assertThat(ids(call("GET", "/entries/search?language=en&q=" + word, null, null, site)))
        .hasSize(2);
    assertThat(call("GET", "/entries/" + withdrawn, null, null, site).status()).isEqualTo(200);

    Reply unpublished =
        call(
            "PUT",
            "/entries/" + withdrawn + "/publication",
            Bodies.json(new PublicationRequest(false)),
            admin,
            site);
    assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
    assertThat(unpublished.json().getBoolean("published")).isFalse();

    assertThat(ids(call("GET", "/entries?language=en", null, null, site))).containsExactly(kept);
    assertThat(ids(call("GET", "/entries/search?language=en&q=" + word, null, null, site)))
        .containsExactly(kept);
    call("GET", "/entries/" + withdrawn, null, null, site).assertProblem(404, "not-found");

    // Published again, it is back at once too.
    call(
        "PUT",
        "/entries/" + withdrawn + "/publication",
        Bodies.json(new PublicationRequest(true)),
        admin,
        site);
    assertThat(ids(call("GET", "/entries?language=en", null, null, site)))
        .containsExactly(kept, withdrawn);
  }

  @Test
  void aReorderAndADeletionShowAtOnce() throws Exception {
    String site = newSite();
    String a = create(site, entry("orders", "A", "First."));
    String b = create(site, entry("orders", "B", "Second."));
    String c = create(site, entry("orders", "C", "Third."));
    String other = create(site, entry("returns", "Other category", "Elsewhere."));
    String admin = Platform.admin().accessToken();
    assertThat(ids(call("GET", "/entries?language=en&category=orders", null, null, site)))
        .containsExactly(a, b, c);

    Reply reordered =
        call(
            "PUT",
            "/entries/order",
            Bodies.json(
                new ReorderRequest("en", "orders", List.of(FaqDesk.uuid(c), FaqDesk.uuid(a)))),
            admin,
            site);
    assertThat(ids(reorderedPage(reordered))).containsExactly(c, a, b);
    assertThat(ids(call("GET", "/entries?language=en&category=orders", null, null, site)))
        .containsExactly(c, a, b);

    // An id of another category, or named twice, is refused naming it, and nothing moves.
    Reply foreign =
        call(
            "PUT",
            "/entries/order",
            Bodies.json(
                new ReorderRequest("en", "orders", List.of(FaqDesk.uuid(b), FaqDesk.uuid(other)))),
            admin,
            site);
    foreign.assertProblem(400, null);
    assertThat(FaqDesk.fields(foreign)).containsExactly("body.ids[1]");
    Reply twice =
        call(
            "PUT",
            "/entries/order",
            Bodies.json(
                new ReorderRequest("en", "orders", List.of(FaqDesk.uuid(b), FaqDesk.uuid(b)))),
            admin,
            site);
    assertThat(FaqDesk.fields(twice)).containsExactly("body.ids[1]");
    assertThat(ids(call("GET", "/entries?language=en&category=orders", null, null, site)))
        .containsExactly(c, a, b);

    Reply deleted = call("DELETE", "/entries/" + a, null, admin, site);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(ids(call("GET", "/entries?language=en&category=orders", null, null, site)))
        .containsExactly(c, b);
    call("GET", "/entries/" + a, null, null, site).assertProblem(404, "not-found");
    assertThat(FaqDesk.stored(site)).isEqualTo(3);
  }

  /** The reorder answers a bare list: made a page for {@link FaqDesk#ids}. */
  private static Reply reorderedPage(Reply list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return new Reply(200, "{\"items\":" + list.body() + "}", list.raw());
  }
}
