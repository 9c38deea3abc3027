package io.opencommerce.sav.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A support agent as the sav service knows them (from the auth service's role changes): whether
 * they still are one ({@code active}), whether they take new tickets ({@code available}), and their
 * load (tickets being worked on).
 */
public record AgentView(
    UUID id,
    String email,
    String displayName,
    boolean active,
    boolean available,
    long openTickets,
    Instant lastAssignedAt) {}
