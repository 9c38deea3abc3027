package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.persistence.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the database schema is current. */
@Startup
@ApplicationScoped
public class MigrationsStartupCheck implements HealthCheck {
  @Inject DatabaseMigrations database;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(service.name() + "-schema").status(database.isDone()).build();
  }
}
