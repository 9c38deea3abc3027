package io.opencommerce.questions.domain;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders an answer's Markdown (CommonMark) to HTML that is safe to put in a page as it is, once,
 * when the answer is written. Two layers: the renderer escapes any raw HTML in the Markdown (a
 * {@code <script>} shows as text, it never becomes an element) and drops link destinations of
 * unsafe schemes; then an allow-list cleaner keeps only the elements and attributes an answer needs
 * (paragraphs, emphasis, lists, headings, quotes, code, tables' cells, links), only {@code http},
 * {@code https} and {@code mailto} links (and relative ones), and gives every link {@code
 * rel="nofollow noopener"}; a link left without a target is unwrapped to its text. Images are not
 * kept. The plain text of the result is what the full-text index reads.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  /** Where relative links are resolved for the check; they are kept relative. */
  private static final String BASE = "https://faq.invalid/";

  private static final Safelist SAFE =
      new Safelist()
          .addTags(
              "p",
              "br",
              "hr",
              "strong",
              "em",
              "del",
              "code",
              "pre",
              "blockquote",
              "ul",
              "ol",
              "li",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "a",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td")
          .addAttributes("a", "href", "title")
          .addAttributes("ol", "start")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addEnforcedAttribute("a", "rel", "nofollow noopener")
          .preserveRelativeLinks(true);

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings().prettyPrint(false);

  private Markdown() {}

  /** The answer written as {@code markdown}, rendered and cleaned, with its plain text. */
  public static RenderedAnswer render(String markdown) {
    String rendered = RENDERER.render(PARSER.parse(markdown));
    Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(rendered, BASE));
    clean.outputSettings(OUTPUT);
    // A link whose target the renderer or the cleaner removed is no link: its text stays.
    clean.select("a:not([href]), a[href=\"\"]").unwrap();
    return new RenderedAnswer(markdown, clean.body().html().strip(), clean.body().text().strip());
  }
}
