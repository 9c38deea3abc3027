package io.opencommerce.kit.work;

import io.opencommerce.kit.persistence.DatabaseMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention: rows kept only for a while (handled events, spent tokens, abandoned guest baskets, old
 * audit entries) are deleted once older than their retention, {@value #BATCH} per statement, by a
 * {@link PeriodicWork} job every {@code platform.purge.interval} (PT1H). Each purge is one
 * statement on the service's own database; replicas may run it at the same time (each deletes what
 * the others have not).
 */
@ApplicationScoped
public class Purges {
  private static final Logger LOG = Logger.getLogger(Purges.class.getName());
  static final int BATCH = 1000;

  @Inject PeriodicWork work;
  @Inject DatabaseMigrations database;

  @Inject
  @ConfigProperty(name = "platform.purge.interval", defaultValue = "PT1H")
  String interval;

  /**
   * Deletes, on every run, the rows {@code delete} selects: a {@code DELETE … WHERE … < ? LIMIT ?}
   * statement whose first parameter is the cutoff ({@code now - keep}) and whose second is the
   * batch size.
   *
   * @param rows what is purged, for the log ("handled events")
   */
  public void keep(String rows, Duration keep, String delete) {
    Duration every = Duration.parse(interval);
    work.every(
        every,
        Duration.ofSeconds(30),
        "Purging " + rows,
        BATCH,
        max -> purge(rows, keep, delete, max));
  }

  private int purge(String rows, Duration keep, String delete, int max) throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(true); // each batch stands on its own
      // READ COMMITTED: the DELETE locks only the rows it deletes. Under the default REPEATABLE
      // READ it also keeps the lock on the first index entry past its range (a newer row: a
      // subscription being confirmed that moment), and a request updating that row deadlocked
      // with it.
      int isolation = connection.getTransactionIsolation();
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try (PreparedStatement statement = connection.prepareStatement(delete)) {
        statement.setTimestamp(1, Timestamp.from(Instant.now().minus(keep)));
        statement.setInt(2, max);
        int deleted = statement.executeUpdate();
        if (deleted > 0) {
          LOG.info(() -> "Purged " + deleted + " " + rows + " older than " + keep);
        }
        return deleted;
      } finally {
        connection.setTransactionIsolation(isolation);
      }
    }
  }
}
