package io.opencommerce.contacts.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where a site's inquiries on one topic go: a team's {@code mailbox}, the support agents' queue
 * ({@code supportQueue}), or both; at least one of them. {@code fallback} makes the rule the site's
 * fallback: inquiries on a topic without a rule of their own go where it goes (one fallback per
 * site; marking another takes the flag from the previous one). The form lists the site's topics by
 * {@code position} (0-1000, 0 by default), then by topic; {@code label} is what it shows (the topic
 * itself by default).
 */
public record RoutingRuleRequest(
    @NotBlank(message = "Topic is required.")
        @Pattern(regexp = ContactRequest.TOPIC, message = ContactRequest.TOPIC_MESSAGE)
        String topic,
    @Size(max = 100, message = "Label must be at most 100 characters.") String label,
    @Email(message = "Mailbox must be a valid e-mail address.")
        @Size(max = 254, message = "Mailbox must be at most 254 characters.")
        String mailbox,
    Boolean supportQueue,
    Boolean fallback,
    @Min(value = 0, message = "Position must not be negative.")
        @Max(value = 1000, message = "Position must be at most 1000.")
        Integer position) {}
