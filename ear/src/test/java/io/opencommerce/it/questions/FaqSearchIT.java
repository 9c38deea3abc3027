package io.opencommerce.it.questions;

import static io.opencommerce.it.questions.FaqDesk.call;
import static io.opencommerce.it.questions.FaqDesk.create;
import static io.opencommerce.it.questions.FaqDesk.encode;
import static io.opencommerce.it.questions.FaqDesk.entry;
import static io.opencommerce.it.questions.FaqDesk.ids;
import static io.opencommerce.it.questions.FaqDesk.newSite;
import static io.opencommerce.it.questions.FaqDesk.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.questions.client.EntryRequest;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FAQ search against the running platform: MariaDB's full-text index in natural-language mode,
 * ranked with a question match above an answer match, filtered by site, language and category,
 * paged with the total, with highlighted snippets; drafts never show to anyone but administrators.
 * Each test searches for made-up words of its own, on a site of its own.
 */
class FaqSearchIT {

  @Test
  void findsAWordOfTheAnswerAloneAndRanksAQuestionMatchFirst() {
    String site = newSite();
    String word = word();
    String inAnswer =
        create(
            site,
            entry(
                "shipping",
                "Where do parcels leave from?",
                "Every parcel leaves the " + word + " warehouse near Lyon on weekdays."));
    String inQuestion =
        create(
            site,
            entry(
                "shipping",
                "What is the " + word + " warehouse?",
                "Our only warehouse, near Lyon, where parcels are packed and sent."));
    create(site, entry("shipping", "Unrelated question", "Nothing about warehouses in here."));

    Reply found = call("GET", "/entries/search?language=en&q=" + word, null, null, site);

    assertThat(ids(found)).containsExactly(inQuestion, inAnswer);
    assertThat(found.json().getInt("total")).isEqualTo(2);
    List<JsonObject> hits = found.json().getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(hits.get(0).getJsonNumber("score").doubleValue())
        .isGreaterThan(hits.get(1).getJsonNumber("score").doubleValue());
    assertThat(hits.get(1).getString("snippet"))
        .contains("<mark>" + word + "</mark>")
        .contains("warehouse near Lyon");
    // The first hit's answer lacks the word: its snippet is its question, highlighted.
    assertThat(hits.get(0).getString("snippet")).contains("<mark>" + word + "</mark>");
  }

  @Test
  void snippetsAreEscapedAroundTheHighlight() {
    String site = newSite();
    String word = word();
    create(
        site,
        entry("returns", "Returns", "Type `<b>" + word + "</b>` & send it back within 30 days."));

    Reply found = call("GET", "/entries/search?language=en&q=" + word, null, null, site);

    String snippet = found.json().getJsonArray("items").getJsonObject(0).getString("snippet");
    assertThat(snippet)
        .contains("&lt;b&gt;<mark>" + word + "</mark>&lt;/b&gt;")
        .contains("&amp;")
        .doesNotContain("<b>");
  }

  @Test
  void filtersByLanguageAndCategoryAndPages() {
    String site = newSite();
    String word = word();
    String english = create(site, entry("shipping", "Shipping " + word, "Answer one."));
    String otherCategory = create(site, entry("returns", "Returns " + word, "Answer two."));
    String french =
        create(
            site,
            new EntryRequest(
                "fr", "shipping", "Livraison " + word, "Réponse.", List.of(), null, true, null));

    assertThat(ids(call("GET", "/entries/search?language=en&q=" + word, null, null, site)))
        .containsExactlyInAnyOrder(english, otherCategory);
    assertThat(ids(call("GET", "/entries/search?language=fr&q=" + word, null, null, site)))
        .containsExactly(french);
    assertThat(
            ids(
                call(
                    "GET",
                    "/entries/search?language=en&category=returns&q=" + word,
                    null,
                    null,
                    site)))
        .containsExactly(otherCategory);
    Reply second =
        call("GET", "/entries/search?language=en&limit=1&offset=1&q=" + word, null, null, site);
    assertThat(ids(second)).hasSize(1);
    assertThat(second.json().getInt("total")).isEqualTo(2);
    // Another site sees none of them.
    assertThat(ids(call("GET", "/entries/search?language=en&q=" + word, null, null, newSite())))
        .isEmpty();
  }

  @Test
  void draftsNeverShowToAnyoneButAdministrators() {
    String site = newSite();
    String word = word();
    String draft =
        create(
            site,
            new EntryRequest(
                "en", "shipping", "Draft " + word, "Not yet.", List.of(), null, false, null));
    String customer = Platform.registerAndLogin("faq-reader").accessToken();
    String admin = Platform.admin().accessToken();

    for (String token : new String[] {null, customer}) {
      assertThat(ids(call("GET", "/entries/search?language=en&q=" + word, null, token, site)))
          .isEmpty();
      assertThat(ids(call("GET", "/entries?language=en", null, token, site))).isEmpty();
      call("GET", "/entries/" + draft, null, token, site).assertProblem(404, "not-found");
    }
    call("GET", "/entries?language=en&status=draft", null, customer, site).assertProblem(403, null);
    // Administrators see it where they ask for drafts, never in the public search.
    assertThat(ids(call("GET", "/entries?language=en", null, admin, site))).containsExactly(draft);
    assertThat(ids(call("GET", "/entries?language=en&status=draft", null, admin, site)))
        .containsExactly(draft);
    assertThat(ids(call("GET", "/entries?language=en&status=published", null, admin, site)))
        .isEmpty();
    Reply read = call("GET", "/entries/" + draft, null, admin, site);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getBoolean("published")).isFalse();
  }

  @Test
  void aQueryOfShortOrStopWordsIsAnsweredNeverA500() {
    String site = newSite();
    String entry =
        create(site, entry("customs", "Do EU rules apply?", "Inside the EU no duties are due."));

    // "EU" is shorter than InnoDB's minimum word; "the", "is", "what" are its stop words.
    Reply shortWord = call("GET", "/entries/search?language=en&q=EU", null, null, site);
    assertThat(ids(shortWord)).containsExactly(entry);
    Reply stopWords =
        call("GET", "/entries/search?language=en&q=" + encode("what is the"), null, null, site);
    assertThat(stopWords.status()).isEqualTo(200);
    Reply punctuation =
        call("GET", "/entries/search?language=en&q=" + encode("?!*+-\"'"), null, null, site);
    assertThat(ids(punctuation)).isEmpty();
    // Full-text operators and SQL are plain text in natural-language mode.
    Reply operators =
        call(
            "GET",
            "/entries/search?language=en&q=" + encode("+rules -EU* \"apply\" ') OR 1=1 -- %_"),
            null,
            null,
            site);
    assertThat(operators.status()).as(operators.body()).isEqualTo(200);
  }

  @Test
  void boundsTheQuery() {
    String site = newSite();
    Reply tooLong =
        call("GET", "/entries/search?language=en&q=" + "a".repeat(201), null, null, site);
    tooLong.assertProblem(400, null);
    assertThat(FaqDesk.fields(tooLong)).containsExactly("query.q");
    assertThat(FaqDesk.fields(call("GET", "/entries/search?language=en", null, null, site)))
        .containsExactly("query.q");
    assertThat(FaqDesk.fields(call("GET", "/entries/search?q=parcel", null, null, site)))
        .containsExactly("query.language");
    assertThat(
            FaqDesk.fields(
                call("GET", "/entries/search?language=english!&q=parcel", null, null, site)))
        .containsExactly("query.language");
  }

  @Test
  void aProductPageShowsItsFaq() {
    String site = newSite();
    String product = java.util.UUID.randomUUID().toString();
    String linked =
        create(
            site,
            new EntryRequest(
                "en",
                "coffee",
                "How is it roasted?",
                "Medium.",
                List.of("roast"),
                java.util.UUID.fromString(product),
                true,
                null));
    create(site, entry("coffee", "Other", "Not about that product."));

    assertThat(ids(call("GET", "/entries?language=en&product=" + product, null, null, site)))
        .containsExactly(linked);
    assertThat(ids(call("GET", "/entries?language=en&tag=roast", null, null, site)))
        .containsExactly(linked);
    Reply read = call("GET", "/entries/" + linked, null, null, site);
    assertThat(read.json().getString("productId")).isEqualTo(product);
    assertThat(read.json().getJsonArray("tags").getString(0)).isEqualTo("roast");
  }
}
