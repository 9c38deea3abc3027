package io.opencommerce.questions.domain;

import java.util.Objects;

/**
 * An answer as an administrator wrote it ({@code markdown}), the safe HTML it renders to ({@code
 * html}), and its plain text ({@code text}: what the full-text index and the search snippets read).
 */
public record RenderedAnswer(String markdown, String html, String text) {
  public RenderedAnswer {
    Objects.requireNonNull(markdown, "markdown is required");
    Objects.requireNonNull(html, "html is required");
    Objects.requireNonNull(text, "text is required");
  }
}
