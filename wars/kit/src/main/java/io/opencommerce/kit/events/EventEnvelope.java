package io.opencommerce.kit.events;

import java.time.Instant;

/**
 * What travels with every event besides its payload: id, type and version, when it happened, the
 * site, the correlation id and the W3C trace context of the request that caused it, and the service
 * that published it. Carried as AMQP properties and headers.
 */
public record EventEnvelope(
    String id,
    String type,
    int version,
    Instant occurredAt,
    String site,
    String correlationId,
    String traceparent,
    String source) {

  public static final String HEADER_VERSION = "event-version";
  public static final String HEADER_OCCURRED_AT = "occurred-at";
  public static final String HEADER_SITE = "site";
  public static final String HEADER_CORRELATION_ID = "correlation-id";
  public static final String HEADER_TRACEPARENT = "traceparent";
  public static final String HEADER_SOURCE = "source";
}
