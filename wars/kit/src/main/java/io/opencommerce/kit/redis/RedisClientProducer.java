package io.opencommerce.kit.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/**
 * One pooled Redis client per service, from {@code redis.url} ({@code REDIS_URL}), e.g. {@code
 * redis://:password@redis:6379/0}. Redis holds caches, revocations and counters only: losing it
 * loses no committed business data.
 */
@ApplicationScoped
public class RedisClientProducer {
  private static final Logger LOG = Logger.getLogger(RedisClientProducer.class.getName());

  /** Singleton, not application-scoped: RedisClient has final methods and cannot be proxied. */
  @Produces
  @Singleton
  RedisClient redisClient(
      @ConfigProperty(name = "redis.url", defaultValue = "redis://127.0.0.1:6379/0") String url) {
    URI uri = URI.create(url);
    LOG.info(() -> "Redis at " + uri.getHost() + ":" + uri.getPort());
    return RedisClient.create(uri);
  }

  void close(@Disposes RedisClient client) {
    client.close();
  }
}
