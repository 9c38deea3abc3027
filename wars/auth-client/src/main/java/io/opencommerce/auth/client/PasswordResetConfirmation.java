package io.opencommerce.auth.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The one-time token from the reset e-mail and the new password. */
public record PasswordResetConfirmation(
    @NotBlank(message = "Reset token is required.")
        @Size(max = 200, message = "Reset token must be at most 200 characters.")
        String token,
    @NotNull(message = "New password is required.")
        @Size(max = 128, message = "New password must be at most 128 characters.")
        String newPassword) {}
