package io.opencommerce.auth.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** E-mail and password, exchanged for an access and a refresh token. */
public record LoginRequest(
    @NotBlank(message = "E-mail is required.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        String email,
    @NotNull(message = "Password is required.")
        @Size(max = 128, message = "Password must be at most 128 characters.")
        String password) {}
