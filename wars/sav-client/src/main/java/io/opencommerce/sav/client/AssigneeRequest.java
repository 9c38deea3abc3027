package io.opencommerce.sav.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;

/**
 * Gives a ticket to an agent (an agent's own id: they take it). {@code version}, the ticket's
 * version as the caller last read it, makes the change conditional: a ticket changed since (another
 * agent took it a moment before) is refused with 409 {@code ticket-changed}.
 */
public record AssigneeRequest(
    @NotNull(message = "Agent id is required.") UUID agentId,
    @PositiveOrZero(message = "Version must not be negative.") Long version) {}
