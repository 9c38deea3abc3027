package io.opencommerce.deliveries.client;

import java.time.Instant;

/**
 * One step of a shipment's journey: the status it reached, when, where ({@code location}, free text
 * from the carrier) and what happened ({@code description}).
 */
public record TrackingEventView(
    String status, Instant occurredAt, String location, String description) {}
