package io.opencommerce.auth.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token, exchanged (once) for a new access and refresh token. */
public record RefreshRequest(
    @NotBlank(message = "Refresh token is required.")
        @Size(max = 200, message = "Refresh token must be at most 200 characters.")
        String refreshToken) {}
