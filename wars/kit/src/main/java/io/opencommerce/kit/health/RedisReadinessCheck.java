package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.RedisClient;

/**
 * Redis as this pod sees it, reported without taking the pod out of service: without Redis the
 * caches are misses and the requests that truly need it (token revocation checks, unless {@code
 * security.revocation.fail-open}) answer 503 themselves, while anonymous catalogue reads go on. The
 * data says whether Redis answers ({@code reachable}).
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {
  @Inject RedisClient redis;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(service.name() + "-redis");
    try {
      return response.up().withData("reachable", "PONG".equals(redis.ping())).build();
    } catch (RuntimeException e) {
      return response
          .up()
          .withData("reachable", false)
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
