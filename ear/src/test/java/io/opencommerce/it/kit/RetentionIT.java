package io.opencommerce.it.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.ServiceDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rows kept only for a while are purged once older than their retention, and younger ones stay:
 * handled events' ids (every service's inbox), abandoned guest baskets, expired refresh tokens, old
 * security events and revocations whose tokens have long expired. The server purges every 10 s
 * (platform.purge.interval); the rows are written straight into each service's database, as time
 * would have left them.
 */
class RetentionIT {
  private static final Duration PURGED_WITHIN = Duration.ofSeconds(60);

  private static Connection database(String service) throws SQLException {
    return ServiceDatabase.open(service);
  }

  private static Timestamp ago(Duration age) {
    return Timestamp.from(Instant.now().minus(age));
  }

  private static void insert(String service, String sql, Object... values) throws SQLException {
    try (Connection c = database(service);
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  private static long count(String service, String sql, Object value) throws SQLException {
    try (Connection c = database(service);
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setObject(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void handledEventsIdsGoAfterTheirRetentionAndRecentOnesStay() throws Exception {
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    insert("orders", "INSERT INTO inbox VALUES (?, 'Probe.v1', ?)", old, ago(Duration.ofDays(15)));
    insert(
        "orders", "INSERT INTO inbox VALUES (?, 'Probe.v1', ?)", recent, ago(Duration.ofDays(1)));

    await()
        .atMost(PURGED_WITHIN)
        .until(() -> count("orders", "SELECT COUNT(*) FROM inbox WHERE event_id = ?", old) == 0);
    assertThat(count("orders", "SELECT COUNT(*) FROM inbox WHERE event_id = ?", recent))
        .isEqualTo(1);
  }

  @Test
  void abandonedGuestBasketsGoWithTheirItemsAndCustomersBasketsStay() throws Exception {
    String abandoned = UUID.randomUUID().toString();
    String fresh = UUID.randomUUID().toString();
    String customers = UUID.randomUUID().toString();
    insert(
        "baskets",
        "INSERT INTO baskets (id, site, owner_id, guest_token, created_at, updated_at)"
            + " VALUES (?, 'default', NULL, ?, ?, ?)",
        abandoned,
        UUID.randomUUID().toString().replace("-", "") + "0".repeat(32),
        ago(Duration.ofDays(40)),
        ago(Duration.ofDays(31)));
    insert(
        "baskets",
        "INSERT INTO basket_items VALUES (?, ?, 2)",
        abandoned,
        UUID.randomUUID().toString());
    insert(
        "baskets",
        "INSERT INTO baskets (id, site, owner_id, guest_token, created_at, updated_at)"
            + " VALUES (?, 'default', NULL, ?, ?, ?)",
        fresh,
        UUID.randomUUID().toString().replace("-", "") + "1".repeat(32),
        ago(Duration.ofDays(2)),
        ago(Duration.ofDays(2)));
    insert(
        "baskets",
        "INSERT INTO baskets (id, site, owner_id, guest_token, created_at, updated_at)"
            + " VALUES (?, 'default', ?, NULL, ?, ?)",
        customers,
        UUID.randomUUID().toString(),
        ago(Duration.ofDays(400)),
        ago(Duration.ofDays(400)));

    await()
        .atMost(PURGED_WITHIN)
        .until(() -> count("baskets", "SELECT COUNT(*) FROM baskets WHERE id = ?", abandoned) == 0);
    assertThat(count("baskets", "SELECT COUNT(*) FROM basket_items WHERE basket_id = ?", abandoned))
        .isZero();
    assertThat(count("baskets", "SELECT COUNT(*) FROM baskets WHERE id = ?", fresh)).isEqualTo(1);
    assertThat(count("baskets", "SELECT COUNT(*) FROM baskets WHERE id = ?", customers))
        .isEqualTo(1);
  }

  @Test
  void expiredRefreshTokensAndOldSecurityEventsGo() throws Exception {
    Platform.Session user = Platform.registerAndLogin("retention");
    String expired = UUID.randomUUID().toString();
    insert(
        "auth",
        "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        expired,
        user.userId(),
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString().replace("-", "") + "2".repeat(32),
        ago(Duration.ofDays(30)),
        ago(Duration.ofDays(16)));
    String marker = "retention-it-" + UUID.randomUUID();
    insert(
        "auth",
        "INSERT INTO security_events (occurred_at, type, detail) VALUES (?, 'LOGIN_FAILED', ?)",
        ago(Duration.ofDays(401)),
        marker);

    await()
        .atMost(PURGED_WITHIN)
        .until(
            () ->
                count("auth", "SELECT COUNT(*) FROM refresh_tokens WHERE id = ?", expired) == 0
                    && count(
                            "auth", "SELECT COUNT(*) FROM security_events WHERE detail = ?", marker)
                        == 0);
    assertThat(
            count("auth", "SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.userId()))
        .as("the session just opened keeps its refresh token")
        .isEqualTo(1);
  }

  @Test
  void revocationsGoOnceTheirTokensHaveLongExpiredAndLiveOnesStay() throws Exception {
    Platform.Session user = Platform.registerAndLogin("retention-revoked");
    String expired = UUID.randomUUID().toString();
    String live = UUID.randomUUID().toString();
    String revokedTokens =
        "INSERT INTO revoked_tokens (token_id, user_id, revoked_at, expires_at)"
            + " VALUES (?, ?, ?, ?)";
    insert(
        "auth",
        revokedTokens,
        expired,
        user.userId(),
        ago(Duration.ofHours(3)),
        ago(Duration.ofHours(2)));
    insert(
        "auth",
        revokedTokens,
        live,
        user.userId(),
        ago(Duration.ofMinutes(1)),
        ago(Duration.ofMinutes(-15)));
    insert(
        "auth",
        "INSERT INTO revoked_token_versions (user_id, min_version, revoked_at, expires_at)"
            + " VALUES (?, 2, ?, ?)",
        user.userId(),
        ago(Duration.ofHours(3)),
        ago(Duration.ofHours(2)));

    await()
        .atMost(PURGED_WITHIN)
        .until(
            () ->
                count("auth", "SELECT COUNT(*) FROM revoked_tokens WHERE token_id = ?", expired)
                        == 0
                    && count(
                            "auth",
                            "SELECT COUNT(*) FROM revoked_token_versions WHERE user_id = ?",
                            user.userId())
                        == 0);
    assertThat(count("auth", "SELECT COUNT(*) FROM revoked_tokens WHERE token_id = ?", live))
        .as("a revocation whose token may still be used stays")
        .isEqualTo(1);
  }
}
