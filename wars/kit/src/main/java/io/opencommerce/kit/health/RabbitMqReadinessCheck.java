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
 * The broker as this pod sees it, reported without taking the pod out of service: a RabbitMQ outage
 * delays events (they wait in the outbox, and the consumers come back with the connection) but
 * fails no request, so Kubernetes must not remove every pod of every service from its Services for
 * it. The data says whether the connection is open ({@code connected}) and how many of the
 * service's consumers are reading ({@code consumers} of {@code consumersExpected}); the gauge
 * {@code outbox_backlog} and the logs say the rest.
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
        .up()
        .withData("connected", broker.isConnected())
        .withData("consumers", consumers.open())
        .withData("consumersExpected", consumers.expected())
        .build();
  }
}
