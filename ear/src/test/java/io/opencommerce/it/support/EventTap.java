package io.opencommerce.it.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.EventTypes;
import io.opencommerce.contracts.IntegrationEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Listens on the platform's events exchange like a consuming service would: a queue of its own,
 * bound to the routing keys a test cares about, read by polling (so it survives broker drills).
 */
public final class EventTap implements AutoCloseable {
  public static final String VHOST = System.getProperty("rabbitmq.vhost", "opencommerce");
  public static final String USER = System.getProperty("rabbitmq.username", "opencommerce");
  public static final String PASSWORD =
      System.getProperty("rabbitmq.password", "opencommerce-dev-password");

  private final String queue = "it.tap." + UUID.randomUUID();
  private final List<Message> seen = new ArrayList<>();

  /** One received event: AMQP properties, headers and the JSON payload. */
  public record Message(
      String id, String type, Map<String, Object> headers, JsonObject payload, String body) {
    public String header(String name) {
      Object value = headers.get(name);
      return value == null ? null : value.toString();
    }
  }

  public EventTap(String... routingKeys) {
    withChannel(
        channel -> {
          channel.queueDeclare(queue, true, false, false, Map.of("x-expires", 600_000));
          for (String key : routingKeys) {
            channel.queueBind(queue, "platform.events", key);
          }
        });
  }

  public static ConnectionFactory factory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setVirtualHost(VHOST);
    factory.setUsername(USER);
    factory.setPassword(PASSWORD);
    return factory;
  }

  /**
   * Waits for a message matching {@code match}, reading everything that arrives meanwhile; empty if
   * none came within {@code timeout}.
   */
  public Optional<Message> await(Predicate<Message> match, Duration timeout) {
    try {
      return Awaitility.await()
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(200))
          .pollInSameThread()
          .until(
              () -> {
                if (seen.stream().noneMatch(match)) {
                  drain();
                }
                return seen.stream().filter(match).findFirst();
              },
              Optional::isPresent);
    } catch (ConditionTimeoutException e) {
      return Optional.empty();
    }
  }

  public List<Message> seen() {
    drain();
    return List.copyOf(seen);
  }

  private void drain() {
    try {
      withChannel(
          channel -> {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
              String body = new String(response.getBody(), StandardCharsets.UTF_8);
              JsonObject payload;
              try (var reader = Json.createReader(new StringReader(body))) {
                payload = reader.readObject();
              } catch (RuntimeException e) {
                payload = null;
              }
              Map<String, Object> headers =
                  response.getProps().getHeaders() == null
                      ? Map.of()
                      : response.getProps().getHeaders();
              seen.add(
                  new Message(
                      response.getProps().getMessageId(),
                      response.getProps().getType(),
                      headers,
                      payload,
                      body));
            }
          });
    } catch (RuntimeException e) {
      // The broker may be away during a drill: try again on the next poll.
    }
  }

  /**
   * Publishes a received message again as its producer did: with its own id (a broker redelivery)
   * or with a new one (the same event published twice).
   */
  public static void republish(Message message, String messageId) {
    withChannel(
        channel ->
            channel.basicPublish(
                "platform.events",
                message.type() + ".v" + message.header("event-version"),
                true,
                new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                    .messageId(messageId)
                    .type(message.type())
                    .contentType("application/json")
                    .contentEncoding("utf-8")
                    .deliveryMode(2)
                    .headers(message.headers())
                    .build(),
                message.body().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Publishes an event record as the service that owns it would: its {@code @EventType} name and
   * version, its payload written by JSON-B as the platform writes it (site {@code default}).
   */
  public static void publish(IntegrationEvent event) {
    EventType type = EventTypes.of(event.getClass());
    publish(type.name(), type.version(), Bodies.json(event));
  }

  /** Publishes an event as a service of the platform would (version 1, site {@code default}). */
  public static void publish(String type, String json) {
    publish(type, 1, json);
  }

  private static void publish(String type, int version, String json) {
    withChannel(
        channel ->
            channel.basicPublish(
                "platform.events",
                EventTypes.routingKey(type, version),
                true,
                new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                    .messageId(UUID.randomUUID().toString())
                    .type(type)
                    .contentType("application/json")
                    .contentEncoding("utf-8")
                    .deliveryMode(2)
                    .headers(
                        Map.of(
                            "event-version",
                            version,
                            "occurred-at",
                            Instant.now().toString(),
                            "site",
                            "default",
                            "correlation-id",
                            UUID.randomUUID().toString(),
                            "source",
                            "integration-tests"))
                    .build(),
                json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Runs {@code work} on a fresh connection: nothing is kept open across broker drills. */
  public static void withChannel(ChannelWork work) {
    try (Connection connection = factory().newConnection("integration-tests");
        Channel channel = connection.createChannel()) {
      work.run(channel);
    } catch (Exception e) {
      throw new IllegalStateException("RabbitMQ: " + e.getMessage(), e);
    }
  }

  /** Something to do on a channel. */
  @FunctionalInterface
  public interface ChannelWork {
    void run(Channel channel) throws Exception;
  }

  @Override
  public void close() {
    try {
      withChannel(channel -> channel.queueDelete(queue));
    } catch (RuntimeException e) {
      // x-expires removes it anyway.
    }
  }
}
