package io.opencommerce.auth.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The current password proves the caller; the new one must pass the password policy. */
public record ChangePasswordRequest(
    @NotNull(message = "Current password is required.")
        @Size(max = 128, message = "Current password must be at most 128 characters.")
        String currentPassword,
    @NotNull(message = "New password is required.")
        @Size(max = 128, message = "New password must be at most 128 characters.")
        String newPassword) {}
