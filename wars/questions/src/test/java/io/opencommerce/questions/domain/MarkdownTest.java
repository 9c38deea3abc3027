package io.opencommerce.questions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void rendersCommonMarkKeepingTheSourceAndThePlainText() {
    RenderedAnswer answer =
        Markdown.render("Parcels leave **within 2 days**.\n\n- Europe: 3 days\n- World: 6 days");

    assertThat(answer.markdown()).startsWith("Parcels leave **within 2 days**.");
    assertThat(answer.html())
        .contains("<strong>within 2 days</strong>")
        .contains("<ul>")
        .contains("<li>Europe: 3 days</li>");
    assertThat(answer.text())
        .contains("Parcels leave within 2 days.")
        .contains("Europe: 3 days")
        .doesNotContain("<")
        .doesNotContain("**");
  }

  @Test
  void rawHtmlNeverBecomesMarkup() {
    RenderedAnswer answer =
        Markdown.render(
            "Hello <script>alert('x')</script>\n\n<div onclick=\"steal()\">block</div>\n\n"
                + "<img src=x onerror=alert(1)>");

    Document html = Jsoup.parseBodyFragment(answer.html());
    assertThat(html.select("script, div, img, iframe")).isEmpty();
    assertThat(html.getAllElements())
        .allSatisfy(
            element ->
                assertThat(element.attributes().asList())
                    .noneSatisfy(a -> assertThat(a.getKey()).startsWith("on")));
    // Shown as text, for what it is.
    assertThat(answer.html()).contains("&lt;script&gt;");
    assertThat(answer.text()).contains("<script>alert('x')</script>");
  }

  @Test
  void unsafeLinksLoseTheirTargetAndSafeOnesGetNofollow() {
    RenderedAnswer answer =
        Markdown.render(
            "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)"
                + " [vb](vbscript:msgbox) [shop](https://shop.example/terms) [rel](/returns)"
                + " [mail](mailto:help@shop.example)");

    assertThat(answer.html())
        .doesNotContainIgnoringCase("javascript:")
        .doesNotContainIgnoringCase("data:text")
        .doesNotContainIgnoringCase("vbscript:");
    assertThat(answer.html()).contains("click").contains("data").contains("vb");
    assertThat(Jsoup.parseBodyFragment(answer.html()).select("a")).hasSize(3);
    assertThat(answer.html())
        .contains("<a href=\"https://shop.example/terms\" rel=\"nofollow noopener\">shop</a>")
        .contains("<a href=\"/returns\" rel=\"nofollow noopener\">rel</a>")
        .contains("href=\"mailto:help@shop.example\"");
  }

  @Test
  void anAutolinkOrAReferenceToJavascriptIsNoLinkEither() {
    RenderedAnswer answer =
        Markdown.render("<javascript:alert(1)>\n\n[x][a]\n\n[a]: JaVaScRiPt:alert(2)");

    assertThat(Jsoup.parseBodyFragment(answer.html()).select("a")).isEmpty();
    assertThat(answer.html()).doesNotContainIgnoringCase("href=\"javascript");
  }

  @Test
  void imagesAreNotKept() {
    assertThat(Markdown.render("![tracker](https://evil.example/pixel.gif)").html())
        .doesNotContain("<img")
        .doesNotContain("evil.example");
  }
}
