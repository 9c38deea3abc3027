package io.opencommerce.contracts.auth;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A user asked to reset a forgotten password. Carries the one-time reset token for the e-mail the
 * newsletters service sends; the auth service keeps only its hash, and its outbox forgets the event
 * once published.
 */
@EventType(name = "PasswordResetRequested", version = 1, sensitive = true)
public record PasswordResetRequested(
    UUID userId, String email, String displayName, String resetToken, Instant expiresAt)
    implements IntegrationEvent {}
