package io.opencommerce.contacts.client;

import java.time.Instant;
import java.util.UUID;

/** A routing rule of a site, as administrators see it. */
public record RoutingRuleView(
    UUID id,
    String topic,
    String label,
    String mailbox,
    boolean supportQueue,
    boolean fallback,
    int position,
    long version,
    Instant updatedAt) {}
