package io.opencommerce.contacts.client;

import java.time.Instant;
import java.util.UUID;

/** The contact form's answer (202): the inquiry's reference and when it was received. */
public record ContactReceipt(UUID id, Instant receivedAt) {}
