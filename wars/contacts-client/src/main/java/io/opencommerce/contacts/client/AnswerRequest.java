package io.opencommerce.contacts.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A support agent's or an administrator's answer to an inquiry, mailed to its sender. */
public record AnswerRequest(
    @NotBlank(message = "The answer's text is required.")
        @Size(max = 5000, message = "The answer must be at most 5000 characters.")
        String text) {}
