package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.persistence.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the service's database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {
  @Inject DatabaseMigrations database;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(service.name() + "-database");
    try (Connection connection = database.dataSource().getConnection()) {
      return response.status(connection.isValid(2)).build();
    } catch (Exception e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
