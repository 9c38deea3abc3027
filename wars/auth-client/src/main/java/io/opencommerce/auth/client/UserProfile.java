package io.opencommerce.auth.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it: never the password hash, never the lockout counters. */
public record UserProfile(
    UUID id, String email, String displayName, List<String> roles, Instant createdAt) {}
