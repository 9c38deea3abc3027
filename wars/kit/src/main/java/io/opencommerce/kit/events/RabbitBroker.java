package io.opencommerce.kit.events;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.opencommerce.contracts.EventTypes;
import io.opencommerce.contracts.IntegrationEvent;
import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.sites.SiteEvents;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The service's connection to the RabbitMQ cluster: one connection with automatic recovery over the
 * configured address list, the platform's exchanges, and one durable quorum queue (with its
 * dead-letter queue) per event type the service consumes.
 *
 * <p>Topology: integration events go to the topic exchange {@value #EXCHANGE} with routing key
 * {@code <Event>.v<version>}. Queue {@code <service>.<Event>.v<version>} is bound to it; a message
 * that fails {@value #DELIVERY_LIMIT} times, or cannot be read at all, is dead-lettered through
 * {@value #DEAD_LETTER_EXCHANGE} to {@code <queue>.dlq}, from where it can be replayed.
 *
 * <p>Beside them, every replica has a queue of its own for {@code SiteChanged} ({@link
 * SiteEvents}), so that its site registry hears every change.
 *
 * <p>The connection uses Liberty's managed thread factory, so consumers run with the application's
 * context (CDI, JNDI, transactions), and it is opened from a managed task after start-up: a broker
 * that is away delays events, never the service.
 */
@ApplicationScoped
public class RabbitBroker {
  public static final String EXCHANGE = "platform.events";
  public static final String DEAD_LETTER_EXCHANGE = "platform.events.dlx";

  /**
   * Where an event no queue is bound for goes (published {@code mandatory}, returned by the broker,
   * and put here by the publishing service): kept, counted in {@code events_unroutable_total}, at
   * most {@value #UNROUTABLE_KEPT} of them, the oldest dropped first.
   */
  public static final String UNROUTABLE_QUEUE = "platform.events.unroutable";

  static final int UNROUTABLE_KEPT = 10_000;
  public static final int DELIVERY_LIMIT = 5;
  private static final Logger LOG = Logger.getLogger(RabbitBroker.class.getName());

  @Resource ManagedThreadFactory threadFactory;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject ServiceIdentity service;
  @Inject EventSubscriptions subscriptions;
  @Inject InboundEventConsumer consumer;
  @Inject SiteEvents siteEvents;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "rabbitmq.addresses", defaultValue = "127.0.0.1:5672")
  String addresses;

  @Inject
  @ConfigProperty(name = "rabbitmq.username", defaultValue = "guest")
  String username;

  @Inject
  @ConfigProperty(name = "rabbitmq.password", defaultValue = "guest")
  String password;

  @Inject
  @ConfigProperty(name = "rabbitmq.vhost", defaultValue = "/")
  String vhost;

  private volatile Connection connection;
  private volatile boolean closing;
  private ExecutorService deliveries;
  private Channel publishChannel;

  void start(@Observes Startup startup) {
    scheduler.submit(this::connect);
  }

  private void connect() {
    if (closing || connection != null) {
      return;
    }
    Connection opened = null;
    Map<String, Class<? extends IntegrationEvent>> queues = queues();
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUsername(username);
      factory.setPassword(password);
      factory.setVirtualHost(vhost);
      factory.setThreadFactory(threadFactory);
      // The client's default pool for deliveries has 2 threads per core for the whole connection,
      // which would cap the consumers of every queue together: one thread per consumer instead.
      int consumers =
          queues.values().stream().mapToInt(consumer::consumers).sum() + SiteEvents.CONSUMERS;
      deliveries = Executors.newFixedThreadPool(consumers, threadFactory);
      factory.setSharedExecutor(deliveries);
      factory.setAutomaticRecoveryEnabled(true);
      factory.setTopologyRecoveryEnabled(true);
      factory.setNetworkRecoveryInterval(1000);
      factory.setRequestedHeartbeat(15);
      factory.setConnectionTimeout(5000);
      opened =
          factory.newConnection(Address.parseAddresses(addresses), service.name() + "-service");
      declareTopology(opened, queues);
      consumer.start(opened, queues);
      siteEvents.subscribe(opened, EXCHANGE);
      connection = opened;
      LOG.info(() -> "Connected to RabbitMQ at " + addresses + " vhost " + vhost);
    } catch (Throwable e) {
      LOG.log(
          Level.WARNING,
          "RabbitMQ at {0} is not reachable ({1}); retrying in 5 s, events wait in the outbox",
          new Object[] {addresses, e.toString()});
      consumer.stop();
      if (opened != null) {
        try {
          opened.abort(2000);
        } catch (RuntimeException ignored) {
          // the next attempt opens a new connection
        }
      }
      shutDownDeliveries();
      if (!closing) {
        scheduler.schedule(this::connect, 5, TimeUnit.SECONDS);
      }
    }
  }

  private void declareTopology(
      Connection opened, Map<String, Class<? extends IntegrationEvent>> queues) throws IOException {
    try (Channel channel = opened.createChannel()) {
      channel.exchangeDeclare(EXCHANGE, "topic", true);
      channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, "direct", true);
      channel.queueDeclare(
          UNROUTABLE_QUEUE,
          true,
          false,
          false,
          Map.of(
              "x-queue-type", "quorum",
              "x-max-length", UNROUTABLE_KEPT,
              "x-overflow", "drop-head"));
      for (Map.Entry<String, Class<? extends IntegrationEvent>> queue : queues.entrySet()) {
        String name = queue.getKey();
        channel.queueDeclare(name + ".dlq", true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(name + ".dlq", DEAD_LETTER_EXCHANGE, name);
        channel.queueDeclare(
            name,
            true,
            false,
            false,
            Map.of(
                "x-queue-type", "quorum",
                "x-dead-letter-exchange", DEAD_LETTER_EXCHANGE,
                "x-dead-letter-routing-key", name,
                "x-delivery-limit", DELIVERY_LIMIT));
        channel.queueBind(name, EXCHANGE, EventTypes.routingKey(queue.getValue()));
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IOException(e);
    }
  }

  /** Queue name → the event type it carries, for every event this service consumes. */
  public Map<String, Class<? extends IntegrationEvent>> queues() {
    return subscriptions.received().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                type -> service.name() + "." + EventTypes.routingKey(type), type -> type));
  }

  public boolean isConnected() {
    Connection current = connection;
    return current != null && current.isOpen();
  }

  /** The connection, or an exception while there is none: callers retry later. */
  public Connection connection() throws IOException {
    Connection current = connection;
    if (current == null || !current.isOpen()) {
      throw new IOException("Not connected to RabbitMQ");
    }
    return current;
  }

  /**
   * The channel the relay publishes on, in confirm mode. Used by one thread at a time: the relay
   * task never runs concurrently with itself.
   */
  synchronized Channel publishChannel() throws IOException {
    if (publishChannel == null || !publishChannel.isOpen()) {
      Channel channel = connection().createChannel();
      channel.confirmSelect();
      // An event no queue is bound for comes back (mandatory): it is kept, never dropped silently.
      // The republish is confirmed like the original, so the batch waits for it too.
      channel.addReturnListener(
          returned -> {
            LOG.warning(
                () ->
                    "No queue is bound for event "
                        + returned.getProperties().getMessageId()
                        + " ("
                        + returned.getRoutingKey()
                        + "); kept in "
                        + UNROUTABLE_QUEUE);
            metrics
                .counter(
                    "events_unroutable",
                    new Tag("service", service.name()),
                    new Tag("type", returned.getRoutingKey()))
                .inc();
            try {
              channel.basicPublish(
                  "", UNROUTABLE_QUEUE, false, returned.getProperties(), returned.getBody());
            } catch (IOException e) {
              // The channel is broken: the batch's wait for confirms fails too, and the outbox
              // publishes the event again.
              LOG.log(Level.SEVERE, "Keeping an unroutable event failed", e);
            }
          });
      publishChannel = channel;
    }
    return publishChannel;
  }

  public List<String> queueNames() {
    return List.copyOf(queues().keySet());
  }

  @PreDestroy
  void close() {
    closing = true;
    consumer.stop();
    Connection current = connection;
    connection = null;
    if (current != null) {
      try {
        current.close(2000);
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing the RabbitMQ connection failed", e);
      }
    }
    shutDownDeliveries();
  }

  private synchronized void shutDownDeliveries() {
    if (deliveries != null) {
      deliveries.shutdown();
      deliveries = null;
    }
  }
}
