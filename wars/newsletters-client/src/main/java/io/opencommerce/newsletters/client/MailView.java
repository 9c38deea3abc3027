package io.opencommerce.newsletters.client;

import java.time.Instant;
import java.util.UUID;

/**
 * One mail of the queue in full. The bodies of a sensitive mail (a password reset link) are never
 * shown ({@code bodiesWithheld}), and are blanked once it is sent or has failed ({@code
 * bodiesDiscarded}).
 */
public record MailView(
    UUID id,
    String kind,
    String status,
    String language,
    String sourceKey,
    String recipient,
    String recipientName,
    String subject,
    String textBody,
    String htmlBody,
    boolean bodiesWithheld,
    boolean bodiesDiscarded,
    String unsubscribeUrl,
    UUID templateVersionId,
    UUID campaignId,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant sentAt) {}
