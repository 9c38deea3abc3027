package io.opencommerce.questions.client;

import jakarta.validation.constraints.NotNull;

/** "Was this helpful?": yes ({@code true}) or no. */
public record VoteRequest(
    @NotNull(message = "Helpful is required (true or false).") Boolean helpful) {}
