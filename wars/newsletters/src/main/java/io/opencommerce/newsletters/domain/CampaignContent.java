package io.opencommerce.newsletters.domain;

import java.util.Objects;

/**
 * A campaign's own template: subject, plain text and HTML, Mustache sources rendered for each
 * subscriber (as a stored template version's are).
 */
public record CampaignContent(String subject, String text, String html) {
  public CampaignContent {
    Objects.requireNonNull(subject, "subject is required");
    Objects.requireNonNull(text, "text is required");
    Objects.requireNonNull(html, "html is required");
  }
}
