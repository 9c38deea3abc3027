package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.RedisClient;

/** Ready when Redis answers PING. */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {
  @Inject RedisClient redis;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(service.name() + "-redis");
    try {
      return response.status("PONG".equals(redis.ping())).build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
