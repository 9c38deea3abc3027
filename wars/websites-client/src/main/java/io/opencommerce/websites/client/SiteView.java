package io.opencommerce.websites.client;

import java.time.Instant;
import java.util.List;

/**
 * A site as administrators see it. {@code version} starts at 1 and grows by one with every change;
 * the {@code ETag} of a read is {@code "<code>-<version>"}, and {@code If-Match} with it makes a
 * replacement conditional.
 */
public record SiteView(
    String code,
    String name,
    List<String> domains,
    String defaultLanguage,
    List<String> languages,
    String currency,
    List<String> countries,
    String timeZone,
    Theme theme,
    boolean active,
    long version,
    Instant createdAt,
    Instant changedAt) {}
