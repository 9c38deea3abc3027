package io.opencommerce.newsletters.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new version of a mail template of the current site (administrators): Mustache, rendered with
 * the kind's data (see the sample a preview shows). {@code {{x}}} is HTML-escaped in {@code html};
 * unescaped tags and partials are refused. A template that does not compile or render with the
 * kind's sample data is refused (400 naming {@code body.subject}, {@code body.text} or {@code
 * body.html}).
 */
public record TemplateRequest(
    @NotNull(message = "Kind is required.")
        @Pattern(
            regexp =
                "welcome|password-reset|order-confirmation|shipment-update|order-cancelled"
                    + "|contact-inquiry|contact-acknowledgement|contact-answer|ticket-answer"
                    + "|subscription-confirmation|newsletter",
            message = "Kind is not a kind of mail.")
        String kind,
    @NotNull(message = "Language is required.")
        @Pattern(regexp = "[a-z]{2}", message = "Language must be a two-letter code such as en.")
        String language,
    @NotBlank(message = "Subject is required.")
        @Size(max = 300, message = "Subject must be at most 300 characters.")
        String subject,
    @NotBlank(message = "Text is required.")
        @Size(max = 100_000, message = "Text must be at most 100000 characters.")
        String text,
    @NotBlank(message = "HTML is required.")
        @Size(max = 200_000, message = "HTML must be at most 200000 characters.")
        String html) {}
