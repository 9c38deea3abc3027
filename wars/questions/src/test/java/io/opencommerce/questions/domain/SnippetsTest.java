package io.opencommerce.questions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

  @Test
  void wrapsEachWholeWordMatchInMark() {
    assertThat(
            Snippets.highlight(
                "Returns are free. Free returns within 30 days.", List.of("free"), 200))
        .isEqualTo("Returns are <mark>free</mark>. <mark>Free</mark> returns within 30 days.");
  }

  @Test
  void matchesWholeWordsOnlyWithoutCaseOrAccents() {
    assertThat(Snippets.highlight("A café, a CAFE, cafeteria.", List.of("cafe"), 200))
        .isEqualTo("A <mark>café</mark>, a <mark>CAFE</mark>, cafeteria.");
    assertThat(Snippets.highlight("cafeteria only", List.of("cafe"), 200)).isNull();
  }

  @Test
  void escapesTheTextAroundAndInsideTheMatches() {
    assertThat(Snippets.highlight("<b>tax</b> & \"duties\"", List.of("tax", "duties"), 200))
        .isEqualTo("&lt;b&gt;<mark>tax</mark>&lt;/b&gt; &amp; &quot;<mark>duties</mark>&quot;");
  }

  @Test
  void cutsAWindowAroundTheFirstMatchAtWordBoundaries() {
    String text =
        "Lorem ipsum dolor sit amet ".repeat(20)
            + "the parcel zorblax arrives "
            + "consectetur adipiscing elit ".repeat(20);
    String snippet = Snippets.highlight(text, List.of("zorblax"), 120);

    assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>zorblax</mark>");
    String plain = snippet.replace("<mark>", "").replace("</mark>", "").replace("…", "");
    assertThat(plain.length()).isBetween(100, 150);
    assertThat(text).contains(plain.strip());
  }

  @Test
  void aTextStartingWithTheMatchHasNoLeadingEllipsis() {
    assertThat(Snippets.highlight("Shipping is free", List.of("shipping"), 200))
        .isEqualTo("<mark>Shipping</mark> is free");
  }

  @Test
  void theLeadIsTheBeginningEscaped() {
    assertThat(Snippets.lead("a < b and more words", 7)).isEqualTo("a &lt; b and…");
    assertThat(Snippets.lead("short", 200)).isEqualTo("short");
  }
}
