package io.opencommerce.newsletters.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A mail's content as its template made it: subject, plain-text and HTML bodies, and the template
 * version that made it (null: the built-in template).
 */
public record RenderedMail(String subject, String text, String html, UUID templateVersionId) {
  public RenderedMail {
    Objects.requireNonNull(subject, "subject is required");
    Objects.requireNonNull(text, "text is required");
    Objects.requireNonNull(html, "html is required");
  }
}
