package io.opencommerce.newsletters.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A new campaign of the current site (administrators), written as a draft. Its audience is the
 * site's confirmed subscribers, or only those of {@code audienceLanguage} (two letters). What its
 * mails say is either {@code templateVersionId}, an active {@code newsletter} template version of
 * the site, or its own {@code subject}, {@code text} and {@code html} (Mustache, checked as a
 * template version is: 400 naming the part that does not compile or render with the newsletter's
 * sample data). Each mail has the subscriber's {@code email}, {@code language} and {@code
 * unsubscribeLink}, and the site's {@code shopName} and {@code supportEmail}.
 */
public record CampaignRequest(
    @NotBlank(message = "Name is required.")
        @Size(max = 200, message = "Name must be at most 200 characters.")
        String name,
    @Pattern(regexp = SubscriptionRequest.LANGUAGE, message = SubscriptionRequest.LANGUAGE_MESSAGE)
        String audienceLanguage,
    UUID templateVersionId,
    @Size(max = 300, message = "Subject must be at most 300 characters.") String subject,
    @Size(max = 100_000, message = "Text must be at most 100000 characters.") String text,
    @Size(max = 200_000, message = "HTML must be at most 200000 characters.") String html) {}
