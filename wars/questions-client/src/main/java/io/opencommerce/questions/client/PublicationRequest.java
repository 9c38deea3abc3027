package io.opencommerce.questions.client;

import jakarta.validation.constraints.NotNull;

/** Publishes an entry ({@code true}: everyone sees it) or takes it back to a draft. */
public record PublicationRequest(
    @NotNull(message = "Published is required (true or false).") Boolean published) {}
