package io.opencommerce.newsletters.client;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** When a campaign goes out: a time to come (ISO 8601, {@code 2026-12-24T08:00:00Z}). */
public record CampaignSchedule(
    @NotNull(message = "When to send is required.")
        @Future(message = "When to send must be in the future.")
        Instant sendAt) {}
