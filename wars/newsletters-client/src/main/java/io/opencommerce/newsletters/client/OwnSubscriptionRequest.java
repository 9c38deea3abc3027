package io.opencommerce.newsletters.client;

import jakarta.validation.constraints.Pattern;

/**
 * A customer subscribes with their account's e-mail address ({@code PUT /subscriptions/me}; {@code
 * {}} is enough), confirmed through a link mailed to it like anyone's; {@code language} (two
 * letters) changes the language of their mails.
 */
public record OwnSubscriptionRequest(
    @Pattern(regexp = SubscriptionRequest.LANGUAGE, message = SubscriptionRequest.LANGUAGE_MESSAGE)
        String language) {}
