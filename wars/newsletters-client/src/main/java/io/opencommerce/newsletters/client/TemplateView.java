package io.opencommerce.newsletters.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved template version; {@code text} and {@code html} are left out of lists. {@code active}: it
 * renders the site's new mails of its kind and language.
 */
public record TemplateView(
    UUID id,
    String kind,
    String language,
    int number,
    String subject,
    String text,
    String html,
    boolean active,
    UUID createdBy,
    Instant createdAt) {}
