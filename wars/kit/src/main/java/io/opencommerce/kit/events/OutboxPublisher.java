package io.opencommerce.kit.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.opencommerce.contracts.EventTypes;
import io.opencommerce.kit.config.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Publishes one batch of pending outbox rows and marks them published, in one transaction. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas of a service share the outbox without
 * publishing a row twice; the batch commits only after the broker confirmed every message. A
 * failure rolls the batch back and the relay retries it: delivery is at least once, and the
 * consumers' inbox makes the effect exactly once.
 */
@ApplicationScoped
public class OutboxPublisher {
  private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());
  private static final long CONFIRM_TIMEOUT_MS = 5000;

  @PersistenceContext EntityManager em;
  @Inject RabbitBroker broker;
  @Inject ServiceIdentity service;

  /** Returns how many events were published. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int publishBatch(int size) throws IOException, InterruptedException, TimeoutException {
    @SuppressWarnings("unchecked")
    List<OutboxMessage> batch =
        em.createNativeQuery(
                "SELECT * FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED",
                OutboxMessage.class)
            .setParameter(1, size)
            .getResultList();
    if (batch.isEmpty()) {
      return 0;
    }
    Channel channel = broker.publishChannel();
    for (OutboxMessage message : batch) {
      EventEnvelope envelope = message.envelope(service.name());
      channel.basicPublish(
          RabbitBroker.EXCHANGE,
          EventTypes.routingKey(envelope.type(), envelope.version()),
          true,
          properties(envelope),
          message.payload().getBytes(StandardCharsets.UTF_8));
    }
    channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    Instant now = Instant.now();
    for (OutboxMessage message : batch) {
      if (message.sensitive()) {
        em.remove(message); // its secret is not kept once the broker has it
      } else {
        message.markPublished(now);
      }
      LOG.info(() -> "Published event " + message.id());
    }
    return batch.size();
  }

  static AMQP.BasicProperties properties(EventEnvelope envelope) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(EventEnvelope.HEADER_VERSION, envelope.version());
    headers.put(EventEnvelope.HEADER_OCCURRED_AT, envelope.occurredAt().toString());
    headers.put(EventEnvelope.HEADER_SITE, envelope.site());
    headers.put(EventEnvelope.HEADER_CORRELATION_ID, envelope.correlationId());
    headers.put(EventEnvelope.HEADER_SOURCE, envelope.source());
    if (envelope.traceparent() != null) {
      headers.put(EventEnvelope.HEADER_TRACEPARENT, envelope.traceparent());
    }
    return new AMQP.BasicProperties.Builder()
        .messageId(envelope.id())
        .type(envelope.type())
        .contentType("application/json")
        .contentEncoding("utf-8")
        .deliveryMode(2)
        .timestamp(java.util.Date.from(envelope.occurredAt()))
        .correlationId(envelope.correlationId())
        .appId(envelope.source())
        .headers(headers)
        .build();
  }
}
