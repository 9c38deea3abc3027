package io.opencommerce.auth.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new customer account. The password must also pass the service's password policy. */
public record RegisterRequest(
    @NotBlank(message = "E-mail is required.")
        @Email(message = "E-mail must be a valid address.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        String email,
    @NotNull(message = "Password is required.")
        @Size(max = 128, message = "Password must be at most 128 characters.")
        String password,
    @NotBlank(message = "Display name is required.")
        @Size(max = 100, message = "Display name must be at most 100 characters.")
        String displayName) {}
