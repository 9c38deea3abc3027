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
 *
 * <p>A service that keeps nothing of its own (the storefront, which only combines other services'
 * answers) says {@code platform.datasource=none} in its microprofile-config.properties: then there
 * is nothing to migrate, and the kit's other users of the database leave it alone too — no outbox
 * relay, no purges of the outbox and inbox, a readiness check that reports {@code datasource: none}
 * instead of asking a database ({@link #withoutDatabase()}). Such a service publishes and consumes
 * no events.
 */
@ApplicationScoped
public class DatabaseMigrations {
  /** The value of {@code platform.datasource} for a service without a database. */
  public static final String NONE = "none";

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Inject ServiceIdentity service;

  private volatile boolean done;
  private volatile DataSource dataSource;
  private volatile Boolean withoutDatabase;

  void onStart(@Observes @Priority(1) Startup startup) {
    if (withoutDatabase()) {
      LOG.info(
          () ->
              "Service "
                  + service.name()
                  + " has no database (platform.datasource=none): nothing to migrate");
      done = true;
      return;
    }
    migrate();
  }

  /**
   * Whether this service runs without a database ({@code platform.datasource=none}). Read once, on
   * an application thread (the first is the start-up observer above), and kept: health threads may
   * not see the application's configuration.
   */
  public boolean withoutDatabase() {
    Boolean known = withoutDatabase;
    if (known == null) {
      known = NONE.equalsIgnoreCase(datasourceName().trim());
      withoutDatabase = known;
    }
    return known;
  }

  private String datasourceName() {
    return ConfigProvider.getConfig()
        .getOptionalValue("platform.datasource", String.class)
        .orElse("jdbc/" + service.name());
  }

  /**
   * The datasource named by {@code platform.datasource}, {@code jdbc/<service>} by default. Looked
   * up once, on an application thread: metrics and health threads cannot do JNDI lookups. A service
   * without a database ({@link #withoutDatabase()}) has none to give.
   */
  public DataSource dataSource() {
    DataSource known = dataSource;
    if (known != null) {
      return known;
    }
    if (withoutDatabase()) {
      throw new IllegalStateException(
          "Service " + service.name() + " has no database (platform.datasource=none)");
    }
    String name = datasourceName();
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

  /**
   * True once the schema is current (at once without a database); the startup health check reports
   * it.
   */
  public boolean isDone() {
    return done;
  }
}
