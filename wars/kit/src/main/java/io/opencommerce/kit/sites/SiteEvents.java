package io.opencommerce.kit.sites;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.opencommerce.contracts.EventTypes;
import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.kit.config.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this replica's {@link SiteRegistry} fresh between loads with the {@code SiteChanged}
 * events. Every replica of every service must see every change, so this is no shared quorum queue
 * where consumers compete, but a queue of the replica's own: exclusive, auto-delete, named by the
 * broker, bound to the events exchange with routing key {@code SiteChanged.v1}. It goes with the
 * connection; the client's topology recovery declares it again (under a new name) and binds and
 * consumes it again after a broker outage, and the registry then loads the feed at once, since
 * events sent meanwhile went nowhere.
 *
 * <p>Messages are acknowledged on delivery: applying one is idempotent (by version) and in memory,
 * and one that cannot be read is logged and dropped, the next load bringing the site anyway. Opened
 * by {@code RabbitBroker} on its connection ({@link #subscribe}).
 */
@ApplicationScoped
public class SiteEvents {
  private static final Logger LOG = Logger.getLogger(SiteEvents.class.getName());

  /** The consumers {@link #subscribe} adds to the connection (for the delivery thread pool). */
  public static final int CONSUMERS = 1;

  static final String ROUTING_KEY = EventTypes.routingKey(SiteChanged.class);
  private static final String TYPE = EventTypes.of(SiteChanged.class).name();

  @Inject SiteRegistry registry;
  @Inject ServiceIdentity service;

  /**
   * Declares the replica's queue on {@code connection}, binds it to {@code exchange} and consumes
   * it; after the connection recovers from an outage, reloads the registry.
   */
  public void subscribe(Connection connection, String exchange) throws IOException {
    Channel channel = connection.createChannel();
    String queue = channel.queueDeclare().getQueue();
    channel.queueBind(queue, exchange, ROUTING_KEY);
    channel.basicConsume(queue, true, service.name() + ":sites", new Handler(channel));
    if (connection instanceof Recoverable recoverable) {
      recoverable.addRecoveryListener(
          new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recovered) {
              LOG.info("Back on the broker: reloading the site registry for the changes missed");
              registry.refreshSoon();
            }

            @Override
            public void handleRecoveryStarted(Recoverable recovering) {
              // nothing to do until it is back
            }
          });
    }
    LOG.info(() -> "Consuming " + ROUTING_KEY + " for the site registry on " + queue);
    if (registry.isLoaded()) {
      // Changes made while this replica had no queue went nowhere.
      registry.refreshSoon();
    }
  }

  /** Applies one delivered {@code SiteChanged} to the registry; returns whether it changed it. */
  boolean handle(AMQP.BasicProperties properties, byte[] body) {
    String id = properties.getMessageId();
    if (!TYPE.equals(properties.getType())) {
      LOG.warning(() -> "Ignored message " + id + " of type " + properties.getType());
      return false;
    }
    SiteChanged changed = SiteFeedJson.readEvent(new String(body, StandardCharsets.UTF_8));
    boolean applied = registry.apply(changed);
    LOG.info(
        () ->
            (applied ? "Applied event " : "Skipped older or same event ")
                + id
                + " "
                + TYPE
                + " (site "
                + changed.code()
                + ", version "
                + changed.version()
                + ")");
    return applied;
  }

  private final class Handler extends DefaultConsumer {
    Handler(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
      try {
        handle(properties, body);
      } catch (RuntimeException | Error e) {
        // Never escapes: the client would close the channel, and the replica would stop hearing.
        LOG.log(
            Level.WARNING,
            "Event "
                + properties.getMessageId()
                + " "
                + TYPE
                + " could not be applied; the next"
                + " load of the site registry brings its site",
            e);
      }
    }
  }
}
