package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.events.RabbitBroker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the connection to the RabbitMQ cluster is open. */
@Readiness
@ApplicationScoped
public class RabbitMqReadinessCheck implements HealthCheck {
  @Inject RabbitBroker broker;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(service.name() + "-rabbitmq")
        .status(broker.isConnected())
        .build();
  }
}
