package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.persistence.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the service's database answers within two seconds. A service without one ({@code
 * platform.datasource=none}) has nothing to wait for: the check says so ({@code datasource: none})
 * and asks nothing.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {
  @Inject DatabaseMigrations database;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(service.name() + "-database");
    if (database.isDone() && database.withoutDatabase()) { // known once start-up has read it
      return response.up().withData("datasource", DatabaseMigrations.NONE).build();
    }
    try (Connection connection = database.dataSource().getConnection()) {
      return response.status(connection.isValid(2)).build();
    } catch (Exception e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
