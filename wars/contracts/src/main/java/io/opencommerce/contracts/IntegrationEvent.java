package io.opencommerce.contracts;

/**
 * An event that crosses service boundaries. Implementations are immutable records annotated with
 * {@link EventType}; the envelope (id, occurred-at, site, correlation id, trace context) travels in
 * the message headers, not in the record.
 */
public interface IntegrationEvent {}
