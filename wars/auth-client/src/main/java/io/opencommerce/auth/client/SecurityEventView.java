package io.opencommerce.auth.client;

import java.time.Instant;
import java.util.UUID;

/** One entry of the security audit trail. */
public record SecurityEventView(
    long id,
    String type,
    Instant occurredAt,
    UUID userId,
    String email,
    String actorId,
    String remoteAddress,
    String detail) {}
