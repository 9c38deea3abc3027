package io.opencommerce.auth.application;

import io.opencommerce.kit.persistence.DatabaseMigrations;
import io.opencommerce.kit.security.TokenRevocations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revocations, kept durably: each revoked token (logout) and each user's token-version floor
 * (password change or reset, role change) is written to the auth database in the transaction of the
 * change that revokes, and to Redis, the list every service checks. Redis keeps nothing on disk;
 * {@link RevocationRestore} puts the live revocations back when it comes back empty.
 *
 * <p>Redis is written before the commit, so that a revocation Redis does not take fails the change
 * that makes it (the database never holds a revocation that Redis refused while it was up), and
 * once more after the commit, for a Redis that restarted in between and was restored without this
 * row, not yet committed then. Both writes only add: a token's entry, or a floor that only rises.
 */
@ApplicationScoped
public class Revocations implements RevocationRestore.Source {
  private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

  @PersistenceContext EntityManager em;
  @Inject TokenRevocations list;
  @Inject AuthSettings settings;
  @Inject DatabaseMigrations database;
  @Resource TransactionSynchronizationRegistry transactions;

  /** Revokes one access token of {@code userId} (by its id) until it would have expired. */
  @Transactional(TxType.MANDATORY)
  public void revokeToken(UUID userId, String tokenId, Instant tokenExpiresAt) {
    Instant now = Instant.now();
    Instant until = TokenRevocations.keptUntil(tokenExpiresAt);
    if (tokenId == null || !until.isAfter(now)) {
      return;
    }
    em.createNativeQuery(
            "INSERT IGNORE INTO revoked_tokens (token_id, user_id, revoked_at, expires_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, tokenId)
        .setParameter(2, userId.toString())
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, Timestamp.from(until))
        .executeUpdate();
    writeNowAndAfterCommit("token " + tokenId, () -> list.revokeToken(tokenId, until));
  }

  /**
   * Revokes every token of {@code userId} whose version is below {@code minimumVersion}, for as
   * long as such a token can live. A floor only rises.
   */
  @Transactional(TxType.MANDATORY)
  public void revokeBelowVersion(UUID userId, long minimumVersion) {
    Instant now = Instant.now();
    Instant until = TokenRevocations.keptUntil(now.plus(settings.accessTokenTtl()));
    String subject = userId.toString();
    em.createNativeQuery(
            "INSERT INTO revoked_token_versions (user_id, min_version, revoked_at, expires_at)"
                + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " revoked_at = IF(VALUES(min_version) > min_version,"
                + " VALUES(revoked_at), revoked_at),"
                + " expires_at = GREATEST(expires_at, VALUES(expires_at)),"
                + " min_version = GREATEST(min_version, VALUES(min_version))")
        .setParameter(1, subject)
        .setParameter(2, minimumVersion)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, Timestamp.from(until))
        .executeUpdate();
    writeNowAndAfterCommit(
        "tokens of " + subject + " below version " + minimumVersion,
        () -> list.revokeBelowVersion(subject, minimumVersion, until));
  }

  /**
   * Writes to Redis now (a failure fails the transaction) and again once it has committed (a
   * failure then is only logged).
   */
  private void writeNowAndAfterCommit(String what, Runnable write) {
    write.run();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              return;
            }
            try {
              write.run();
            } catch (RuntimeException e) {
              // Written before the commit already; this second write only covers a restart.
              LOG.log(
                  Level.FINE,
                  "Revocation of {0} not written again after commit: {1}",
                  new Object[] {what, e});
            }
          }
        });
  }

  @Override
  public List<RevocationRestore.RevokedToken> tokens(String after, Instant liveAt, int max)
      throws SQLException {
    return page(
        "SELECT token_id, expires_at FROM revoked_tokens"
            + " WHERE token_id > ? AND expires_at > ? ORDER BY token_id LIMIT ?",
        after,
        liveAt,
        max,
        row ->
            new RevocationRestore.RevokedToken(row.getString(1), row.getTimestamp(2).toInstant()));
  }

  @Override
  public List<RevocationRestore.VersionFloor> floors(String after, Instant liveAt, int max)
      throws SQLException {
    return page(
        "SELECT user_id, min_version, expires_at FROM revoked_token_versions"
            + " WHERE user_id > ? AND expires_at > ? ORDER BY user_id LIMIT ?",
        after,
        liveAt,
        max,
        row ->
            new RevocationRestore.VersionFloor(
                row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant()));
  }

  /** Reads one row of a page. */
  private interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Up to {@code max} rows after the key {@code after} still live at {@code liveAt}. */
  private <T> List<T> page(String sql, String after, Instant liveAt, int max, Row<T> row)
      throws SQLException {
    List<T> page = new ArrayList<>(max);
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, after);
      query.setTimestamp(2, Timestamp.from(liveAt));
      query.setInt(3, max);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          page.add(row.read(rows));
        }
      }
    }
    return page;
  }
}
