package io.opencommerce.kit.redis;

import io.opencommerce.kit.config.DevelopmentValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One pooled Redis client per service, from {@code redis.url} ({@code REDIS_URL}: {@code
 * redis://host:6379/0}, or {@code rediss://…} for TLS) and {@code redis.password} ({@code
 * REDIS_PASSWORD}, from the Secret; a password in the URL is taken when it is not set). Redis holds
 * caches, revocations and counters only: losing it loses no committed business data. Outside local
 * development ({@link DevelopmentValues#isLocal()}) a service refuses to start without a password.
 */
@ApplicationScoped
public class RedisClientProducer {
  private static final Logger LOG = Logger.getLogger(RedisClientProducer.class.getName());
  static final String URL = "redis.url";
  static final String PASSWORD = "redis.password";
  private static final String LOCAL_URL = "redis://127.0.0.1:6379/0";

  /** Singleton, not application-scoped: RedisClient has final methods and cannot be proxied. */
  @Produces
  @Singleton
  RedisClient redisClient() {
    Config config = ConfigProvider.getConfig();
    URI uri = URI.create(config.getOptionalValue(URL, String.class).orElse(LOCAL_URL));
    JedisClientConfig client = clientConfig(uri, password(config, uri));
    LOG.info(
        () ->
            "Redis at "
                + uri.getHost()
                + ":"
                + uri.getPort()
                + (client.isSsl() ? " over TLS" : "")
                + (client.getPassword() == null ? ", no password" : ", with a password"));
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(client)
        .build();
  }

  /** Stops the service at start when it would talk to Redis without a password outside local. */
  void check(@Observes Startup startup) {
    Config config = ConfigProvider.getConfig();
    URI uri = URI.create(config.getOptionalValue(URL, String.class).orElse(LOCAL_URL));
    requirePassword(DevelopmentValues.isLocal(), password(config, uri));
  }

  static void requirePassword(boolean local, String password) {
    if (!local && (password == null || password.isBlank())) {
      throw new IllegalStateException(
          "Redis needs a password outside local development: set "
              + PASSWORD
              + " (REDIS_PASSWORD, from the Secret)");
    }
  }

  static JedisClientConfig clientConfig(URI uri, String password) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .database(JedisURIHelper.getDBIndex(uri));
    String user = JedisURIHelper.getUser(uri);
    if (user != null && !user.isBlank()) {
      config.user(user);
    }
    if (password != null && !password.isBlank()) {
      config.password(password);
    }
    return config.build();
  }

  private static String password(Config config, URI uri) {
    return config
        .getOptionalValue(PASSWORD, String.class)
        .filter(p -> !p.isBlank())
        .orElse(JedisURIHelper.getPassword(uri));
  }

  void close(@Disposes RedisClient client) {
    client.close();
  }
}
