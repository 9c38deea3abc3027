package io.opencommerce.contracts.contacts;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A support agent or an administrator answered an inquiry of the contact form. Consumers:
 * newsletters (the answer to the sender, in {@code language}, quoting the original message).
 */
@EventType(name = "ContactAnswered", version = 1)
public record ContactAnswered(
    UUID inquiryId,
    String name,
    String email,
    String topic,
    String message,
    String answer,
    String language,
    Instant answeredAt)
    implements IntegrationEvent {}
