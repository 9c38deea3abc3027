package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.auth.client.ChangePasswordRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Revocations survive Redis losing them. Redis keeps nothing on disk here, so a restart empties it;
 * the test cannot restart the machine's Redis, so it empties the revocation list the way a restart
 * would: every {@code oc:revoked:*} key, the marker {@code oc:revoked:loaded} included. The auth
 * service keeps every revocation in its database and puts the live ones back within about a second;
 * meanwhile every service answers signed-in requests with 503 {@code revocations-unavailable} and
 * {@code Retry-After}, never with an answer to a token that may have been revoked.
 */
class RevocationRestoreIT {
  private static final String LIST = "oc:revoked:";
  private static final String MARKER = LIST + "loaded";

  /** The restore's lease: held by someone else, auth restores nothing (another replica would). */
  private static final String LEASE = LIST + "restoring";

  private static final String HOLDER = "integration-test";

  private static final String ADDRESSES = Platform.BASE + "/addresses/api/addresses";
  private static final Duration RESTORED_WITHIN = Duration.ofSeconds(30);

  private static final RedisClient REDIS = RedisClient.create("127.0.0.1", 6379);

  @AfterAll
  static void closeRedis() {
    REDIS.close();
  }

  /** Whatever a test did, the list is complete again before the next suite signs anyone in. */
  @AfterEach
  void listRestored() {
    if (HOLDER.equals(REDIS.get(LEASE))) {
      REDIS.del(LEASE);
    }
    await().atMost(RESTORED_WITHIN).until(() -> REDIS.exists(MARKER));
  }

  @Test
  void aLoggedOutTokenStaysRefusedAfterRedisLosesTheList() throws Exception {
    Session customer = Platform.registerAndLogin("revoked-restart");
    assertThat(get(AUTH + "/users/me", customer.accessToken()).status()).isEqualTo(200);
    assertThat(
            Platform.send("DELETE", AUTH + "/sessions/current", null, customer.accessToken())
                .status())
        .isEqualTo(204);
    get(AUTH + "/users/me", customer.accessToken()).assertProblem(401, "token-revoked");
    assertThat(
            authCount("SELECT COUNT(*) FROM revoked_tokens WHERE user_id = ?", customer.userId()))
        .as("the logout is kept in the auth database")
        .isEqualTo(1);

    forgetRevocations();

    awaitRefusedUntilRestored(AUTH + "/users/me", customer.accessToken());
    awaitRefusedUntilRestored(ADDRESSES, customer.accessToken());
  }

  @Test
  void aTokenIssuedBeforeAPasswordChangeStaysRefusedAfterRedisLosesTheList() throws Exception {
    Session customer = Platform.registerAndLogin("revoked-password");
    Session older = Platform.login(customer.email(), customer.password(), customer.userId());
    String newPassword = "Changed-Horse-77";
    Reply changed =
        Platform.send(
            "PUT",
            AUTH + "/users/me/password",
            Bodies.json(new ChangePasswordRequest(customer.password(), newPassword)),
            customer.accessToken());
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    get(AUTH + "/users/me", older.accessToken()).assertProblem(401, "token-revoked");
    assertThat(
            authCount(
                "SELECT COUNT(*) FROM revoked_token_versions WHERE user_id = ?", customer.userId()))
        .as("the password change's version floor is kept in the auth database")
        .isEqualTo(1);

    forgetRevocations();

    awaitRefusedUntilRestored(AUTH + "/users/me", older.accessToken());
    awaitRefusedUntilRestored(ADDRESSES, older.accessToken());
    Session fresh = Platform.login(customer.email(), newPassword, customer.userId());
    assertThat(get(AUTH + "/users/me", fresh.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void untilAuthHasRestoredTheListEveryServiceRefusesSignedInRequestsWith503() {
    Session loggedOut = Platform.registerAndLogin("revoked-held");
    assertThat(
            Platform.send("DELETE", AUTH + "/sessions/current", null, loggedOut.accessToken())
                .status())
        .isEqualTo(204);
    Session signedIn = Platform.registerAndLogin("revoked-held-valid");

    // Another holder of the restore's lease keeps auth from restoring, as if auth were still away.
    REDIS.set(LEASE, HOLDER, SetParams.setParams().px(20_000));
    forgetRevocations();

    for (String url : List.of(AUTH + "/users/me", ADDRESSES)) {
      assertUnavailable(get(url, loggedOut.accessToken()));
      assertUnavailable(get(url, signedIn.accessToken()));
    }
    // Anonymous requests are not checked, and logging in goes on.
    assertThat(get(Platform.BASE + "/products/api/products?limit=1", null).status()).isEqualTo(200);
    Session newcomer = Platform.login(signedIn.email(), signedIn.password(), signedIn.userId());
    assertUnavailable(get(AUTH + "/users/me", newcomer.accessToken()));

    REDIS.del(LEASE);

    await()
        .atMost(RESTORED_WITHIN)
        .until(() -> get(AUTH + "/users/me", signedIn.accessToken()).status() == 200);
    get(AUTH + "/users/me", loggedOut.accessToken()).assertProblem(401, "token-revoked");
    assertThat(get(ADDRESSES, signedIn.accessToken()).status()).isEqualTo(200);
    assertThat(get(AUTH + "/users/me", newcomer.accessToken()).status()).isEqualTo(200);
  }

  /**
   * Empties the revocation list as a Redis restart would: every key of it, the marker included (and
   * the restore's lease, unless this test holds it).
   */
  private static void forgetRevocations() {
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams everyKey = new ScanParams().match(LIST + "*").count(1000);
    do {
      ScanResult<String> page = REDIS.scan(cursor, everyKey);
      String[] keys =
          page.getResult().stream().filter(key -> !isHeldLease(key)).toArray(String[]::new);
      if (keys.length > 0) {
        REDIS.del(keys);
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  private static boolean isHeldLease(String key) {
    return key.equals(LEASE) && HOLDER.equals(REDIS.get(LEASE));
  }

  /**
   * The token is refused on every request until the list is back: 503 {@code
   * revocations-unavailable} with {@code Retry-After} while auth restores it, then 401 {@code
   * token-revoked}; never accepted.
   */
  private static void awaitRefusedUntilRestored(String url, String token) {
    List<Reply> replies = new CopyOnWriteArrayList<>();
    await()
        .atMost(RESTORED_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Reply reply = get(url, token);
              replies.add(reply);
              return reply.status() != 503;
            });
    for (Reply reply : replies.subList(0, replies.size() - 1)) {
      assertUnavailable(reply);
    }
    replies.get(replies.size() - 1).assertProblem(401, "token-revoked");
  }

  private static void assertUnavailable(Reply reply) {
    reply.assertProblem(503, "revocations-unavailable");
    assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
  }

  private static long authCount(String sql, String userId) throws SQLException {
    return ServiceDatabase.count("auth", sql, userId);
  }
}
