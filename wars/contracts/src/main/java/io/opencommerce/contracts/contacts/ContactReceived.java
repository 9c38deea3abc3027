package io.opencommerce.contracts.contacts;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone sent the contact form of a site (the site travels in the event's envelope) and it was
 * routed: {@code teamMailbox} is the address of the team its topic goes to (null when the topic
 * goes only to the support agents' queue). Consumers: newsletters (the inquiry to the team mailbox,
 * an acknowledgement to the sender, in {@code language}).
 */
@EventType(name = "ContactReceived", version = 1)
public record ContactReceived(
    UUID inquiryId,
    String name,
    String email,
    String topic,
    String message,
    String language,
    String teamMailbox,
    boolean supportQueue,
    Instant receivedAt)
    implements IntegrationEvent {}
