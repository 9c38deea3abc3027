package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.persistence.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the database schema is current; at once for a service without a database ({@code
 * platform.datasource=none}, reported as {@code datasource: none}).
 */
@Startup
@ApplicationScoped
public class MigrationsStartupCheck implements HealthCheck {
  @Inject DatabaseMigrations database;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(service.name() + "-schema");
    if (database.isDone() && database.withoutDatabase()) { // known once start-up has read it
      return response.up().withData("datasource", DatabaseMigrations.NONE).build();
    }
    return response.status(database.isDone()).build();
  }
}
