package io.opencommerce.kit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisClientConfig;

class RedisClientProducerTest {
  @Test
  void theUrlGivesHostDatabaseAndTlsAndThePasswordComesFromTheSecret() {
    JedisClientConfig config =
        RedisClientProducer.clientConfig(URI.create("rediss://redis:6380/2"), "from-the-secret");
    assertThat(config.isSsl()).isTrue();
    assertThat(config.getDatabase()).isEqualTo(2);
    assertThat(config.getPassword()).isEqualTo("from-the-secret");

    JedisClientConfig local =
        RedisClientProducer.clientConfig(URI.create("redis://127.0.0.1:6379/0"), null);
    assertThat(local.isSsl()).isFalse();
    assertThat(local.getPassword()).isNull();
  }

  @Test
  void outsideLocalDevelopmentRedisWithoutAPasswordStopsTheService() {
    assertThatThrownBy(() -> RedisClientProducer.requirePassword(false, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("REDIS_PASSWORD");
    assertThatThrownBy(() -> RedisClientProducer.requirePassword(false, " "))
        .isInstanceOf(IllegalStateException.class);
    assertThatCode(() -> RedisClientProducer.requirePassword(false, "s3cret"))
        .doesNotThrowAnyException();
    assertThatCode(() -> RedisClientProducer.requirePassword(true, null))
        .doesNotThrowAnyException();
  }
}
