package io.opencommerce.newsletters.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail of the queue as lists show it. {@code status} is {@code QUEUED}, {@code SENT}, {@code
 * FAILED} or {@code CANCELLED}; {@code lastError} is the SMTP server's last refusal (or {@code
 * unknown recipient}).
 */
public record MailSummary(
    UUID id,
    String kind,
    String status,
    String language,
    String recipient,
    String subject,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    UUID campaignId,
    Instant createdAt,
    Instant sentAt) {}
