package io.opencommerce.auth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.auth.application.RevocationRestore.RevokedToken;
import io.opencommerce.auth.application.RevocationRestore.Source;
import io.opencommerce.auth.application.RevocationRestore.VersionFloor;
import io.opencommerce.kit.security.TokenRevocations;
import io.opencommerce.kit.security.TokenRevocations.Verdict;
import io.opencommerce.kit.testing.MachineRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The restore against the machine's Redis ({@code test.redis.url}, 127.0.0.1:6379 by default), each
 * test with a revocation list under a key prefix of its own, fed from rows held in memory the way
 * the database hands them out: in pages, ordered by key, only the live ones.
 */
class RevocationRestoreTest {
  private static RedisClient redis;

  private final Clock clock = Clock.systemUTC();
  private String prefix;
  private TokenRevocations list;
  private Rows rows;

  /** The database's rows, read as {@link Revocations} reads them. */
  private static final class Rows implements Source {
    final List<RevokedToken> tokens = new ArrayList<>();
    final List<VersionFloor> floors = new ArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    RuntimeException failure;

    @Override
    public List<RevokedToken> tokens(String after, Instant liveAt, int max) {
      reads.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return tokens.stream()
          .filter(t -> t.tokenId().compareTo(after) > 0 && t.until().isAfter(liveAt))
          .sorted(Comparator.comparing(RevokedToken::tokenId))
          .limit(max)
          .toList();
    }

    @Override
    public List<VersionFloor> floors(String after, Instant liveAt, int max) {
      reads.incrementAndGet();
      return floors.stream()
          .filter(f -> f.userId().compareTo(after) > 0 && f.until().isAfter(liveAt))
          .sorted(Comparator.comparing(VersionFloor::userId))
          .limit(max)
          .toList();
    }
  }

  @BeforeAll
  static void connect() {
    redis = MachineRedis.connect();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void emptyRedis() {
    prefix = "test:oc:revoked:" + UUID.randomUUID() + ":";
    list = TokenRevocations.over(redis, prefix);
    rows = new Rows();
  }

  @AfterEach
  void removeKeys() {
    MachineRedis.deleteMatching(redis, prefix + "*");
  }

  private static Instant inMinutes(long minutes) {
    return Instant.now().plus(Duration.ofMinutes(minutes));
  }

  @Test
  void aFreshPlatformIsMarkedCompleteWithNothingToRestore() throws Exception {
    assertThat(list.check("any", "user", 1)).isEqualTo(Verdict.UNKNOWN);

    assertThat(RevocationRestore.restoreIfLost(list, rows, clock)).isZero();

    assertThat(list.isComplete()).isTrue();
    assertThat(list.check("any", "user", 1)).isEqualTo(Verdict.VALID);
  }

  @Test
  void everyLiveRevocationComesBackAfterRedisLostThem() throws Exception {
    String user = UUID.randomUUID().toString();
    rows.tokens.add(new RevokedToken("logged-out", inMinutes(10)));
    rows.tokens.add(new RevokedToken("long-expired", Instant.now().minusSeconds(60)));
    rows.floors.add(new VersionFloor(user, 3, inMinutes(16)));

    assertThat(RevocationRestore.restoreIfLost(list, rows, clock)).isEqualTo(2);

    assertThat(list.check("logged-out", "someone", 1)).isEqualTo(Verdict.REVOKED);
    assertThat(list.check("before-the-password-change", user, 2)).isEqualTo(Verdict.REVOKED);
    assertThat(list.check("after-the-password-change", user, 3)).isEqualTo(Verdict.VALID);
    assertThat(list.check("long-expired", "someone", 1)).isEqualTo(Verdict.VALID);
  }

  @Test
  void revocationsAreReadPageByPage() throws Exception {
    int count = RevocationRestore.PAGE * 2 + 3;
    for (int i = 0; i < count; i++) {
      rows.tokens.add(new RevokedToken(String.format("jti-%05d", i), inMinutes(10)));
    }
    for (int i = 0; i < RevocationRestore.PAGE; i++) {
      rows.floors.add(new VersionFloor(String.format("user-%05d", i), 2, inMinutes(10)));
    }

    assertThat(RevocationRestore.restoreIfLost(list, rows, clock))
        .isEqualTo(count + RevocationRestore.PAGE);

    assertThat(list.check("jti-00000", "u", 5)).isEqualTo(Verdict.REVOKED);
    assertThat(list.check(String.format("jti-%05d", count - 1), "u", 5)).isEqualTo(Verdict.REVOKED);
    assertThat(list.check("x", String.format("user-%05d", RevocationRestore.PAGE - 1), 1))
        .isEqualTo(Verdict.REVOKED);
  }

  @Test
  void aCompleteListIsLeftAloneWithoutReadingTheDatabase() throws Exception {
    RevocationRestore.restoreIfLost(list, rows, clock);
    int reads = rows.reads.get();
    rows.tokens.add(new RevokedToken("added-later", inMinutes(10)));

    assertThat(RevocationRestore.restoreIfLost(list, rows, clock)).isZero();

    assertThat(rows.reads.get()).isEqualTo(reads);
  }

  @Test
  void aRestoreThatFailsLeavesTheListIncompleteAndTheNextRunFree() throws Exception {
    rows.tokens.add(new RevokedToken("logged-out", inMinutes(10)));
    rows.failure = new IllegalStateException("database away");

    assertThatThrownBy(() -> RevocationRestore.restoreIfLost(list, rows, clock))
        .hasMessage("database away");
    assertThat(list.isComplete()).isFalse();

    rows.failure = null;
    assertThat(RevocationRestore.restoreIfLost(list, rows, clock)).isEqualTo(1);
    assertThat(list.check("logged-out", "u", 1)).isEqualTo(Verdict.REVOKED);
  }

  @Test
  void aRestoreAfterASecondLossPutsEverythingBackAgain() throws Exception {
    rows.tokens.add(new RevokedToken("logged-out", inMinutes(10)));
    RevocationRestore.restoreIfLost(list, rows, clock);
    removeKeys(); // Redis restarts once more

    assertThat(RevocationRestore.restoreIfLost(list, rows, clock)).isEqualTo(1);
    assertThat(list.check("logged-out", "u", 1)).isEqualTo(Verdict.REVOKED);
  }
}
