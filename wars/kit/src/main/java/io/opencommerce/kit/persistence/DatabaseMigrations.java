package io.opencommerce.kit.persistence;

import io.opencommerce.kit.config.ServiceIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the service's database up to date before the service takes traffic: first the kit's own
 * tables (outbox, inbox; history in {@code platform_kit_schema_history}), then the service's
 * migrations from {@code sql/<service>/}, packaged as {@code db/migration/<service>} (history in
 * {@code flyway_schema_history}; {@code platform.migrations.location} and {@code
 * platform.migrations.history-table} change either). A failed migration stops the application: it
 * must not run against a schema it does not know.
 */
@ApplicationScoped
public class DatabaseMigrations {
  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Inject ServiceIdentity service;

  private volatile boolean done;
  private volatile DataSource dataSource;

  void onStart(@Observes @Priority(1) Startup startup) {
    migrate();
  }

  /**
   * The datasource named by {@code platform.datasource}, {@code jdbc/<service>} by default. Looked
   * up once, on an application thread: metrics and health threads cannot do JNDI lookups.
   */
  public DataSource dataSource() {
    DataSource known = dataSource;
    if (known != null) {
      return known;
    }
    String name =
        ConfigProvider.getConfig()
            .getOptionalValue("platform.datasource", String.class)
            .orElse("jdbc/" + service.name());
    try {
      known = (DataSource) new InitialContext().lookup(name);
      dataSource = known;
      return known;
    } catch (NamingException e) {
      throw new IllegalStateException("No datasource " + name, e);
    }
  }

  synchronized void migrate() {
    if (done) {
      return;
    }
    DataSource dataSource = dataSource();
    report(
        "platform-kit",
        flyway(dataSource, "db/platform-kit", "platform_kit_schema_history").migrate());
    var config = ConfigProvider.getConfig();
    String location =
        config
            .getOptionalValue("platform.migrations.location", String.class)
            .orElse("db/migration/" + service.name());
    String history =
        config
            .getOptionalValue("platform.migrations.history-table", String.class)
            .orElse("flyway_schema_history");
    report(service.name(), flyway(dataSource, location, history).migrate());
    done = true;
  }

  private static Flyway flyway(DataSource dataSource, String location, String table) {
    return Flyway.configure(DatabaseMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:" + location)
        .table(table)
        .failOnMissingLocations(true)
        // Two histories share one schema: each starts from an empty baseline.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateMigrationNaming(true)
        .load();
  }

  private static void report(String what, MigrateResult result) {
    LOG.info(
        () ->
            "Schema "
                + what
                + ": "
                + result.migrationsExecuted
                + " migration(s) applied, now at version "
                + (result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion));
  }

  /** True once the schema is current; the startup health check reports it. */
  public boolean isDone() {
    return done;
  }
}
