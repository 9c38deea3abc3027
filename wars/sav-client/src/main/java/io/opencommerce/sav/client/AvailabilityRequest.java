package io.opencommerce.sav.client;

import jakarta.validation.constraints.NotNull;

/** An agent says whether they take new tickets. */
public record AvailabilityRequest(
    @NotNull(message = "Available is required (true or false).") Boolean available) {}
