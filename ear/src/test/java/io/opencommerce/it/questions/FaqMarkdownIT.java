package io.opencommerce.it.questions;

import static io.opencommerce.it.questions.FaqDesk.call;
import static io.opencommerce.it.questions.FaqDesk.create;
import static io.opencommerce.it.questions.FaqDesk.entry;
import static io.opencommerce.it.questions.FaqDesk.newSite;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.ServiceDatabase;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Answers are Markdown rendered to safe HTML when they are written: what a hostile administrator
 * account (or a pasted answer) puts in never reaches a page as markup, neither in what the API
 * answers nor in what the database keeps; the Markdown itself is kept as written.
 */
class FaqMarkdownIT {

  private static final String HOSTILE =
      "Read **this**.\n\n"
          + "<script>alert('faq')</script>\n\n"
          + "[click me](javascript:alert(1)) and [also](JaVaScRiPt:alert(2))"
          + " and <a href=\"javascript:alert(3)\" onclick=\"steal()\">raw</a>\n\n"
          + "<img src=x onerror=alert(4)> <iframe src=\"https://evil.example\"></iframe>\n\n"
          + "[terms](https://shop.example/terms)";

  @Test
  void scriptsAndJavascriptLinksNeverReachTheHtml() throws Exception {
    String site = newSite();
    String id = create(site, entry("security", "Hostile answer?", HOSTILE));

    Reply read = call("GET", "/entries/" + id, null, null, site);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    JsonObject entry = read.json();
    String html = entry.getString("answerHtml");
    assertSafe(html);
    assertThat(html)
        .contains("<strong>this</strong>")
        .contains("<a href=\"https://shop.example/terms\" rel=\"nofollow noopener\">terms</a>");
    assertThat(entry.getString("answerMarkdown")).isEqualTo(HOSTILE);

    try (Connection db = ServiceDatabase.open("questions");
        PreparedStatement select =
            db.prepareStatement("SELECT answer_html, answer_markdown FROM entries WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertSafe(row.getString(1));
        assertThat(row.getString(2)).isEqualTo(HOSTILE);
      }
    }
  }

  @Test
  void anEditIsRenderedAgain() {
    String site = newSite();
    String id = create(site, entry("security", "Edited?", "Plain answer."));

    Reply replaced =
        call(
            "PUT",
            "/entries/" + id,
            io.opencommerce.it.support.Bodies.json(entry("security", "Edited?", HOSTILE)),
            io.opencommerce.it.support.Platform.admin().accessToken(),
            site);

    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertSafe(replaced.json().getString("answerHtml"));
  }

  /**
   * No element that runs or loads anything, no event handler attribute, no link to a script. Raw
   * HTML of the Markdown shows as escaped text (so the text "onclick=" may appear, never inside a
   * tag).
   */
  private static void assertSafe(String html) {
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<iframe")
        .doesNotContainIgnoringCase("<img");
    assertThat(html).doesNotContainPattern("(?i)<[^>]*\\son[a-z]+\\s*=");
    assertThat(html)
        .doesNotContainPattern("(?i)<a[^>]*href\\s*=\\s*\"?\\s*(javascript|data|vbscript):");
    assertThat(html)
        .doesNotContainPattern("(?i)<(?!/?(p|strong|em|a|code|pre|ul|ol|li|br)\\b)[a-z]");
    // Every link that is left is marked.
    assertThat(html.split("<a ", -1).length - 1)
        .isEqualTo(html.split("rel=\"nofollow noopener\"", -1).length - 1);
  }
}
