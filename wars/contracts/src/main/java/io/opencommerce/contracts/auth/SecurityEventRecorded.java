package io.opencommerce.contracts.auth;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A security-relevant fact was audited: a login succeeded or failed, an account was locked, a
 * session ended, a password or a role changed. {@code userId} is null when no account matched.
 */
@EventType(name = "SecurityEventRecorded", version = 1)
public record SecurityEventRecorded(
    UUID userId, String email, String type, String actorId, String remoteAddress, String detail)
    implements IntegrationEvent {}
