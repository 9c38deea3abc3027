package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.events.InboundEventConsumer;
import io.opencommerce.kit.events.RabbitBroker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the connection to the RabbitMQ cluster is open; its data says how many of the
 * service's consumers are reading ({@code consumers} of {@code consumersExpected}), so that one
 * lost while the connection stays up shows.
 */
@Readiness
@ApplicationScoped
public class RabbitMqReadinessCheck implements HealthCheck {
  @Inject RabbitBroker broker;
  @Inject InboundEventConsumer consumers;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(service.name() + "-rabbitmq")
        .status(broker.isConnected())
        .withData("consumers", consumers.open())
        .withData("consumersExpected", consumers.expected())
        .build();
  }
}
