package io.opencommerce.contracts.auth;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An administrator granted or revoked a role; {@code roles} is the account's whole set afterwards,
 * so a consumer keeps the latest state and ignores an event older than the one it holds ({@code
 * changedAt}). Consumers: sav (its read model of support agents).
 */
@EventType(name = "UserRolesChanged", version = 1)
public record UserRolesChanged(
    UUID userId, String email, String displayName, Set<String> roles, Instant changedAt)
    implements IntegrationEvent {}
