package io.opencommerce.contacts.client;

import jakarta.validation.constraints.Size;

/** Why an inquiry is closed (optional: {@code {}}). */
public record CloseRequest(
    @Size(max = 500, message = "Reason must be at most 500 characters.") String reason) {}
