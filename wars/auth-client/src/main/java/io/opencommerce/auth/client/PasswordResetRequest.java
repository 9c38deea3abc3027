package io.opencommerce.auth.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asks for a reset e-mail. The answer is the same whether the account exists or not. */
public record PasswordResetRequest(
    @NotBlank(message = "E-mail is required.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        String email) {}
