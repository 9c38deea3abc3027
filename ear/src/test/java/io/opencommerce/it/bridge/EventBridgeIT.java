package io.opencommerce.it.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.ProbeServices;
import io.opencommerce.kit.events.DeadLetterResource;
import io.opencommerce.kit.events.RabbitBroker;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CDI ↔ RabbitMQ bridge, tested inside the running server (Arquillian) with a probe service
 * that publishes and consumes its own event through the real broker: an event commits with its
 * transaction and vanishes with a rollback; a redelivered message has no second effect; a poison
 * message and a handler that keeps failing end in the dead-letter queue, from where it replays.
 *
 * <p>The probe is a WAR built from the platform kit exactly as a service is (the libraries of the
 * auth WAR), named {@code bridgeprobe}, writing to the auth database with a migration history of
 * its own.
 */
@ExtendWith(ArquillianExtension.class)
public class EventBridgeIT {
  private static final String QUEUE = "bridgeprobe.BridgeProbeOccurred.v1";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Event<BridgeProbeOccurred> events;
  @Inject BridgeProbeHandler handler;
  @Inject BridgeProbeStore store;
  @Inject RabbitBroker broker;
  @Inject DeadLetterResource deadLetters;
  @Inject UserTransaction transaction;
  @Inject MetricRegistry metrics;

  @Deployment
  public static WebArchive probeService() {
    return ProbeServices.kitService(
        "bridgeprobe",
        Map.of("events.relay.interval-ms", "100"),
        BridgeProbeOccurred.class,
        BridgeProbeHandler.class,
        BridgeProbeStore.class,
        Bodies.class,
        EventBridgeIT.class);
  }

  /** Each test starts with an empty dead-letter queue: earlier runs' poison stays out of it. */
  @BeforeEach
  void brokerIsUpAndTheDeadLetterQueueEmpty() throws Exception {
    await().atMost(WAIT).until(broker::isConnected);
    try (Channel channel = broker.connection().createChannel()) {
      channel.queuePurge(QUEUE + ".dlq");
    }
  }

  @Test
  void anEventCommitsWithItsTransactionAndReachesItsConsumer() throws Exception {
    String probe = UUID.randomUUID().toString();
    transaction.begin();
    events.fire(new BridgeProbeOccurred(probe, "ok"));
    assertThat(store.outboxRows(probe)).as("written in the same transaction").isEqualTo(1);
    transaction.commit();

    await().atMost(WAIT).until(() -> handler.effects(probe) == 1);
  }

  @Test
  void anEventRolledBackNeverLeaves() throws Exception {
    String probe = UUID.randomUUID().toString();
    transaction.begin();
    events.fire(new BridgeProbeOccurred(probe, "ok"));
    transaction.rollback();

    assertThat(store.outboxRows(probe)).isZero();
    // The barrier: an event committed after the rollback, the same way out (outbox, relay, broker).
    // The probe's queue is read by one consumer, in order: once the marker has had its effect,
    // anything the rolled-back transaction had let out would have reached the handler before it.
    String marker = UUID.randomUUID().toString();
    transaction.begin();
    events.fire(new BridgeProbeOccurred(marker, "ok"));
    transaction.commit();
    await().atMost(WAIT).until(() -> handler.effects(marker) == 1);
    assertThat(handler.calls(probe)).isZero();
  }

  @Test
  void anEventFiredOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> events.fire(new BridgeProbeOccurred("outside", "ok")))
        .hasMessageContaining("outside a transaction");
  }

  @Test
  void aRedeliveredEventHasNoSecondEffect() throws Exception {
    String probe = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();
    byte[] body = payload(probe, "ok");
    publish(eventId, body);
    publish(eventId, body);
    // The barrier: another event published after both. The probe's queue is read by one consumer,
    // in order: once the marker has had its effect, both copies have been through the handler.
    String marker = UUID.randomUUID().toString();
    publish(UUID.randomUUID().toString(), payload(marker, "ok"));

    await().atMost(WAIT).until(() -> handler.effects(marker) == 1);
    assertThat(handler.effects(probe)).isEqualTo(1);
    assertThat(store.inboxRows(eventId)).isEqualTo(1);
    assertThat(received("duplicate")).isPositive();
  }

  @Test
  void aPoisonMessageIsDeadLetteredAtOnce() throws Exception {
    String eventId = UUID.randomUUID().toString();
    publish(eventId, "this is not JSON".getBytes(StandardCharsets.UTF_8));
    await().atMost(WAIT).until(() -> deadLetteredIds().contains(eventId));
    assertThat(store.inboxRows(eventId)).isZero();
    assertThat(received("dead_lettered")).isPositive();
  }

  @Test
  void aHandlerThatKeepsFailingEndsInTheDeadLetterQueueAndReplaysOnceFixed() throws Exception {
    String probe = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();
    publish(eventId, payload(probe, "fail-while-broken"));

    await().atMost(WAIT).until(() -> deadLetteredIds().contains(eventId));
    assertThat(handler.calls(probe)).isGreaterThanOrEqualTo(RabbitBroker.DELIVERY_LIMIT);
    assertThat(handler.effects(probe)).isZero();

    handler.repair();
    var replay = deadLetters.replay(QUEUE, 100);
    assertThat(replay.replayed()).isGreaterThanOrEqualTo(1);
    await().atMost(WAIT).until(() -> handler.effects(probe) == 1);
  }

  private static byte[] payload(String probe, String mode) {
    return Bodies.json(new BridgeProbeOccurred(probe, mode)).getBytes(StandardCharsets.UTF_8);
  }

  /** Publishes as another service would, straight to the events exchange. */
  private void publish(String eventId, byte[] body) throws Exception {
    try (Channel channel = broker.connection().createChannel()) {
      channel.confirmSelect();
      channel.basicPublish(
          RabbitBroker.EXCHANGE,
          "BridgeProbeOccurred.v1",
          true,
          new AMQP.BasicProperties.Builder()
              .messageId(eventId)
              .type("BridgeProbeOccurred")
              .contentType("application/json")
              .deliveryMode(2)
              .headers(
                  Map.of(
                      "event-version", 1,
                      "occurred-at", Instant.now().toString(),
                      "site", "default",
                      "correlation-id", "bridge-it",
                      "source", "bridge-it"))
              .build(),
          body);
      channel.waitForConfirmsOrDie(5000);
    }
  }

  /** The probe service's {@code events_received_total} for one outcome. */
  private long received(String outcome) {
    return metrics
        .counter(
            "events_received",
            new Tag("service", "bridgeprobe"),
            new Tag("type", "BridgeProbeOccurred.v1"),
            new Tag("outcome", outcome))
        .getCount();
  }

  /** The ids of the messages in the dead-letter queue, which browsing leaves in place. */
  private Set<String> deadLetteredIds() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Channel channel = broker.connection().createChannel()) {
      GetResponse message;
      long last = -1;
      while ((message = channel.basicGet(QUEUE + ".dlq", false)) != null) {
        ids.add(message.getProps().getMessageId());
        last = message.getEnvelope().getDeliveryTag();
      }
      if (last >= 0) {
        channel.basicNack(last, true, true);
      }
    }
    return ids;
  }
}
