package io.opencommerce.deliveries.client;

import java.time.LocalDate;
import java.util.List;

/**
 * What anyone holding a tracking number may see of a shipment: the carrier, where it stands, when
 * it should arrive and its journey so far (oldest first). No names, address, order or customer.
 */
public record TrackingView(
    String trackingNumber,
    String carrier,
    String status,
    LocalDate estimatedDelivery,
    List<TrackingEventView> events) {}
