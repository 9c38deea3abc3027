package io.opencommerce.kit.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.opencommerce.contracts.EventTypes;
import io.opencommerce.contracts.IntegrationEvent;
import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The consuming half of the bridge: reads each subscribed queue with manual acknowledgement and
 * hands every message to the {@link InboxProcessor}. A message that cannot be read is poison and is
 * dead-lettered at once; one whose handler fails is returned to the queue, and dead-lettered by the
 * broker after {@link RabbitBroker#DELIVERY_LIMIT} attempts — unless the failure is an outage of
 * what the handler depends on ({@link Outages}): then the message is held and tried again until the
 * dependency is back, and no attempt is spent.
 *
 * <p>Each queue has one consumer, which handles its messages one after the other, in order; a queue
 * whose event type is taken {@linkplain Received#inAnyOrder() in any order} has {@code
 * events.consumers-per-queue} (default 4), each on its own channel with its own prefetch.
 */
@ApplicationScoped
public class InboundEventConsumer {
  private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class.getName());
  private static final int PREFETCH = 16;
  private static final long OUTAGE_PAUSE_MIN = 250;
  private static final long OUTAGE_PAUSE_MAX = 10_000;

  @Inject InboxProcessor inbox;
  @Inject ServiceIdentity service;
  @Inject MetricRegistry metrics;
  @Inject EventSubscriptions subscriptions;

  @Inject
  @ConfigProperty(name = "events.consumers-per-queue", defaultValue = "4")
  int consumersPerQueue;

  private final List<Channel> channels = new CopyOnWriteArrayList<>();

  /** Consumers whose channel is open, of {@link #expected()}. */
  public long open() {
    return channels.stream().filter(Channel::isOpen).count();
  }

  /** How many consumers the service's queues should have. */
  public int expected() {
    return channels.size();
  }

  /** How many consumers read the queue of {@code type}. */
  int consumers(Class<? extends IntegrationEvent> type) {
    return subscriptions.inAnyOrder(type) ? Math.max(1, consumersPerQueue) : 1;
  }

  void start(Connection connection, Map<String, Class<? extends IntegrationEvent>> queues)
      throws IOException {
    for (Map.Entry<String, Class<? extends IntegrationEvent>> queue : queues.entrySet()) {
      int consumers = consumers(queue.getValue());
      for (int i = 1; i <= consumers; i++) {
        Channel channel = connection.createChannel();
        channel.basicQos(PREFETCH);
        // One tag per consumer: the client's topology recovery keeps consumers by tag, so a tag
        // shared by two would bring only one of them back after a broker outage.
        channel.basicConsume(
            queue.getKey(),
            false,
            service.name() + ":" + queue.getKey() + (consumers > 1 ? "#" + i : ""),
            new Handler(channel, queue.getValue()));
        channels.add(channel);
      }
      LOG.info(
          () ->
              "Consuming "
                  + queue.getKey()
                  + (consumers > 1 ? " with " + consumers + " consumers, in any order" : ""));
    }
  }

  void stop() {
    for (Channel channel : channels) {
      try {
        if (channel.isOpen()) {
          channel.close();
        }
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing a consumer channel failed", e);
      }
    }
    channels.clear();
  }

  /** Reads the envelope and payload; throws {@link PoisonMessage} if they make no sense. */
  static <T extends IntegrationEvent> T read(
      Class<T> type, AMQP.BasicProperties properties, byte[] body, EventEnvelope[] envelopeOut) {
    try {
      Map<String, Object> headers =
          properties.getHeaders() == null ? Map.of() : properties.getHeaders();
      String id = properties.getMessageId();
      if (id == null || id.length() != 36) {
        throw new PoisonMessage("message without a valid id");
      }
      String expected = EventTypes.of(type).name();
      if (!expected.equals(properties.getType())) {
        throw new PoisonMessage(
            "type " + properties.getType() + " where " + expected + " was expected");
      }
      envelopeOut[0] =
          new EventEnvelope(
              id,
              properties.getType(),
              EventTypes.of(type).version(),
              text(headers.get(EventEnvelope.HEADER_OCCURRED_AT)) == null
                  ? Instant.now()
                  : Instant.parse(text(headers.get(EventEnvelope.HEADER_OCCURRED_AT))),
              text(headers.get(EventEnvelope.HEADER_SITE)),
              text(headers.get(EventEnvelope.HEADER_CORRELATION_ID)),
              text(headers.get(EventEnvelope.HEADER_TRACEPARENT)),
              text(headers.get(EventEnvelope.HEADER_SOURCE)));
      T event = EventJson.JSONB.fromJson(new String(body, StandardCharsets.UTF_8), type);
      if (event == null) {
        throw new PoisonMessage("empty payload");
      }
      return event;
    } catch (PoisonMessage e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PoisonMessage(e.toString());
    }
  }

  static String text(Object header) {
    return header == null ? null : header.toString();
  }

  /** The consumer stopped waiting out a dependency's outage (it is closing). */
  static final class StoppedWaiting extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedWaiting(String why) {
      super(why);
    }
  }

  /** A message no number of retries can make sense of. */
  static final class PoisonMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PoisonMessage(String why) {
      super(why);
    }
  }

  private final class Handler extends DefaultConsumer {
    private final Class<? extends IntegrationEvent> type;

    Handler(Channel channel, Class<? extends IntegrationEvent> type) {
      super(channel);
      this.type = type;
    }

    @Override
    public void handleDelivery(
        String consumerTag, Envelope delivery, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      long tag = delivery.getDeliveryTag();
      EventEnvelope[] envelope = new EventEnvelope[1];
      IntegrationEvent event;
      try {
        event = read(type, properties, body, envelope);
      } catch (PoisonMessage e) {
        LOG.warning(
            () ->
                "Dead-lettering unreadable message "
                    + properties.getMessageId()
                    + " from "
                    + delivery.getRoutingKey()
                    + ": "
                    + e.getMessage());
        getChannel().basicReject(tag, false);
        count("dead_lettered");
        return;
      }
      EventEnvelope received = envelope[0];
      // The handler's work and its log lines join the trace of the request that published it.
      Traces.consuming(
          received.type() + " process",
          received.traceparent(),
          () -> {
            settle(tag, received, event);
            return null;
          });
    }

    /** Handles the event and acknowledges it, or returns it to the queue when handling failed. */
    private void settle(long tag, EventEnvelope received, IntegrationEvent event)
        throws IOException {
      try {
        boolean handled = handleThroughOutages(received, event);
        LOG.info(
            () ->
                (handled ? "Handled event " : "Skipped already handled event ")
                    + received.id()
                    + " "
                    + received.type());
        getChannel().basicAck(tag, false);
        count(handled ? "handled" : "duplicate");
      } catch (StoppedWaiting e) {
        // The consumer is closing while a dependency is down: the unacknowledged message goes
        // back to the queue with the channel, without costing it a delivery.
        LOG.info(() -> "Left event " + received.id() + " to the queue: " + e.getMessage());
      } catch (RuntimeException | Error e) {
        // An Error too: escaping handleDelivery, it would make the client close this channel and
        // the queue would lose its consumer without a word.
        LOG.log(
            e instanceof Error ? Level.SEVERE : Level.WARNING,
            "Handling event " + received.id() + " " + received.type() + " failed; requeued",
            e);
        getChannel().basicNack(tag, false, true);
        count("failed");
      }
    }

    /**
     * Handles the event; while what the handler depends on is down (its database, Redis, another
     * service), holds the message and tries again after a pause that doubles up to {@link
     * #OUTAGE_PAUSE_MAX}, instead of returning it to the queue: a returned message costs one of its
     * {@link RabbitBroker#DELIVERY_LIMIT} deliveries, and a few seconds of database restart would
     * dead-letter every event that arrived meanwhile. The queue waits behind it, in order; other
     * failures are returned to the queue as before.
     */
    private boolean handleThroughOutages(EventEnvelope envelope, IntegrationEvent event) {
      long pause = OUTAGE_PAUSE_MIN;
      boolean warned = false;
      while (true) {
        try {
          return inbox.handle(envelope, event);
        } catch (RuntimeException e) {
          if (!Outages.isOutage(e)) {
            throw e;
          }
          if (!warned) {
            LOG.warning(
                "Handling event "
                    + envelope.id()
                    + " "
                    + envelope.type()
                    + " waits for a dependency that is down ("
                    + e
                    + "); trying again until it is back");
            warned = true;
          }
          count("waiting");
        }
        if (!getChannel().isOpen()) {
          throw new StoppedWaiting("the channel closed");
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoppedWaiting("interrupted");
        }
        pause = Math.min(pause * 2, OUTAGE_PAUSE_MAX);
      }
    }

    @Override
    public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
      if (!signal.isInitiatedByApplication()) {
        LOG.warning(
            () ->
                "Consumer "
                    + consumerTag
                    + " stopped ("
                    + signal.getMessage()
                    + "); the connection's recovery brings it back if the broker allows");
      }
    }

    @Override
    public void handleCancel(String consumerTag) {
      LOG.severe(
          () -> "The broker cancelled consumer " + consumerTag + " (its queue was deleted?)");
    }

    /**
     * {@code events_received_total{service, type, outcome}}: handled, duplicate, failed,
     * dead_lettered, waiting (a try that met a dependency's outage).
     */
    private void count(String outcome) {
      metrics
          .counter(
              "events_received",
              new Tag("service", service.name()),
              new Tag("type", EventTypes.routingKey(type)),
              new Tag("outcome", outcome))
          .inc();
    }
  }
}
