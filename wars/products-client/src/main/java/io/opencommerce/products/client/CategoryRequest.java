package io.opencommerce.products.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A catalog category: a URL-friendly slug and a display name. */
public record CategoryRequest(
    @NotBlank(message = "Slug is required.")
        @Size(max = 64, message = "Slug must be at most 64 characters.")
        @Pattern(
            regexp = "[a-z0-9]+(-[a-z0-9]+)*",
            message = "Slug must be lower-case words joined by '-'.")
        String slug,
    @NotBlank(message = "Name is required.")
        @Size(max = 100, message = "Name must be at most 100 characters.")
        String name) {}
