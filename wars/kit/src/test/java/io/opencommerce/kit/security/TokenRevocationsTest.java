package io.opencommerce.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opencommerce.kit.security.TokenRevocations.Restore;
import io.opencommerce.kit.security.TokenRevocations.Verdict;
import io.opencommerce.kit.testing.MachineRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The revocation list against the machine's Redis ({@code test.redis.url}, 127.0.0.1:6379 by
 * default), each test under a key prefix of its own that it removes afterwards.
 */
class TokenRevocationsTest {
  private static RedisClient redis;

  private String prefix;
  private TokenRevocations revocations;

  @BeforeAll
  static void connect() {
    redis = MachineRedis.connect();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void newList() {
    prefix = "test:oc:revoked:" + UUID.randomUUID() + ":";
    revocations = TokenRevocations.over(redis, prefix);
  }

  @AfterEach
  void removeList() {
    MachineRedis.deleteMatching(redis, prefix + "*");
  }

  private Instant inMinutes(long minutes) {
    return Instant.now().plus(Duration.ofMinutes(minutes));
  }

  /** A Redis whose list was restored once, with nothing in it. */
  private void markComplete() {
    try (Restore restore = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow()) {
      assertThat(restore.complete(Instant.now())).isTrue();
    }
  }

  @Test
  void aListThatWasNeverMarkedCompleteCannotVouchForAToken() {
    assertThat(revocations.isComplete()).isFalse();
    assertThat(revocations.check("jti-1", "user-1", 1)).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aCompleteListVouchesForTokensItDoesNotRevoke() {
    markComplete();
    assertThat(revocations.isComplete()).isTrue();
    assertThat(revocations.check("jti-1", "user-1", 1)).isEqualTo(Verdict.VALID);
  }

  @Test
  void revokedTokensAreRefusedEvenWhileTheListIsIncomplete() {
    revocations.revokeToken("jti-1", inMinutes(15));
    revocations.revokeBelowVersion("user-2", 3, inMinutes(15));

    assertThat(revocations.check("jti-1", "user-1", 1)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check("jti-2", "user-2", 2)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check("jti-3", "user-2", 3)).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aVersionFloorRevokesOlderTokensOnly() {
    markComplete();
    revocations.revokeBelowVersion("user-1", 5, inMinutes(15));

    assertThat(revocations.check("a", "user-1", 4)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check("b", "user-1", 5)).isEqualTo(Verdict.VALID);
    assertThat(revocations.check("c", "user-2", 1)).isEqualTo(Verdict.VALID);
  }

  @Test
  void aFloorNeverFallsAndAnEqualOneKeepsTheLongerLifetime() {
    revocations.revokeBelowVersion("user-1", 5, inMinutes(15));
    revocations.revokeBelowVersion("user-1", 4, inMinutes(30));
    assertThat(redis.get(revocations.floorKey("user-1"))).isEqualTo("5");
    assertThat(redis.pttl(revocations.floorKey("user-1")))
        .isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(15).toMillis());

    revocations.revokeBelowVersion("user-1", 5, inMinutes(30));
    assertThat(redis.pttl(revocations.floorKey("user-1")))
        .isGreaterThan(Duration.ofMinutes(29).toMillis());
    revocations.revokeBelowVersion("user-1", 5, inMinutes(10));
    assertThat(redis.pttl(revocations.floorKey("user-1")))
        .isGreaterThan(Duration.ofMinutes(29).toMillis());

    revocations.revokeBelowVersion("user-1", 6, inMinutes(10));
    assertThat(redis.get(revocations.floorKey("user-1"))).isEqualTo("6");
    assertThat(redis.pttl(revocations.floorKey("user-1")))
        .isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
  }

  @Test
  void revocationsLastUntilTheirEndAndNoLonger() {
    revocations.revokeToken("jti-1", inMinutes(2));
    assertThat(redis.pttl(revocations.tokenKey("jti-1")))
        .isBetween(Duration.ofSeconds(110).toMillis(), Duration.ofMinutes(2).toMillis());

    revocations.revokeToken("jti-2", Instant.now().minusSeconds(1));
    revocations.revokeBelowVersion("user-1", 2, Instant.now().minusSeconds(1));
    assertThat(redis.exists(revocations.tokenKey("jti-2"))).isFalse();
    assertThat(redis.exists(revocations.floorKey("user-1"))).isFalse();
  }

  @Test
  void aRevocationIsKeptBeyondTheVerifiersClockSkew() {
    Instant expires = Instant.parse("2026-01-01T00:15:00Z");
    assertThat(TokenRevocations.keptUntil(expires)).isAfter(expires.plusSeconds(30));
  }

  @Test
  void aRestorePutsBackWhatItIsGivenAndMarksTheListComplete() {
    Optional<Restore> started = revocations.startRestore(Duration.ofSeconds(30));
    assertThat(started).isPresent();
    try (Restore restore = started.get()) {
      restore.token("jti-1", inMinutes(10));
      restore.floor("user-2", 7, inMinutes(10));
      restore.token("jti-gone", Instant.now().minusSeconds(5));
      assertThat(restore.complete(Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
      assertThat(restore.written()).isEqualTo(2);
    }

    assertThat(revocations.isComplete()).isTrue();
    assertThat(redis.get(revocations.markerKey())).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(redis.exists(revocations.leaseKey())).isFalse();
    assertThat(revocations.check("jti-1", "user-1", 1)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check("x", "user-2", 6)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check("x", "user-2", 7)).isEqualTo(Verdict.VALID);
    assertThat(redis.exists(revocations.tokenKey("jti-gone"))).isFalse();
    assertThat(redis.pttl(revocations.tokenKey("jti-1")))
        .isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
  }

  @Test
  void aRestoreWritesManyRevocationsInBatches() {
    int count = Restore.BATCH * 2 + 17;
    try (Restore restore = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow()) {
      for (int i = 0; i < count; i++) {
        restore.token("jti-" + i, inMinutes(10));
      }
      assertThat(restore.complete(Instant.now())).isTrue();
      assertThat(restore.written()).isEqualTo(count);
    }
    assertThat(revocations.check("jti-0", "u", 1)).isEqualTo(Verdict.REVOKED);
    assertThat(revocations.check("jti-" + (count - 1), "u", 1)).isEqualTo(Verdict.REVOKED);
  }

  @Test
  void aRestoreNeverLowersAFloorRaisedWhileItRan() {
    try (Restore restore = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow()) {
      // The restore read the database before a password change committed...
      revocations.revokeBelowVersion("user-1", 8, inMinutes(15));
      // ...and puts the older floor back afterwards.
      restore.floor("user-1", 7, inMinutes(15));
      assertThat(restore.complete(Instant.now())).isTrue();
    }
    assertThat(revocations.check("x", "user-1", 7)).isEqualTo(Verdict.REVOKED);
  }

  @Test
  void thereIsNothingToRestoreInACompleteList() {
    markComplete();
    assertThat(revocations.startRestore(Duration.ofSeconds(30))).isEmpty();
  }

  @Test
  void oneReplicaRestoresAtATime() {
    try (Restore first = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow()) {
      assertThat(revocations.startRestore(Duration.ofSeconds(30))).isEmpty();
      assertThat(first.complete(Instant.now())).isTrue();
    }
  }

  @Test
  void aRestoreThatEndsUnfinishedLetsTheNextOneStart() {
    try (Restore abandoned = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow()) {
      abandoned.token("jti-1", inMinutes(10));
    }
    assertThat(revocations.isComplete()).isFalse();
    try (Restore next = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow()) {
      assertThat(next.complete(Instant.now())).isTrue();
    }
  }

  @Test
  void aRedisThatRestartedDuringTheRestoreIsNotMarkedComplete() {
    try (Restore restore = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow()) {
      restore.token("jti-1", inMinutes(10));
      // A restart empties Redis: the lease goes with everything else.
      redis.del(revocations.leaseKey());
      assertThat(restore.complete(Instant.now())).isFalse();
    }
    assertThat(revocations.isComplete()).isFalse();
    assertThat(revocations.check("jti-2", "user-1", 1)).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aLostLeaseStopsALongRestoreAtItsNextBatch() {
    Restore restore = revocations.startRestore(Duration.ofSeconds(30)).orElseThrow();
    redis.del(revocations.leaseKey());
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < Restore.BATCH; i++) {
                restore.token("jti-" + i, inMinutes(10));
              }
            })
        .isInstanceOf(IllegalStateException.class);
    restore.close();
    assertThat(revocations.isComplete()).isFalse();
  }

  @Test
  void aReplicaThatDiedWhileRestoringHoldsTheNextOneBackOnlyForItsLease() {
    revocations.startRestore(Duration.ofMillis(500)).orElseThrow(); // never completed nor closed
    assertThat(revocations.startRestore(Duration.ofSeconds(30))).isEmpty();

    Restore next =
        await()
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> revocations.startRestore(Duration.ofSeconds(30)), Optional::isPresent)
            .orElseThrow();
    try (next) {
      assertThat(next.complete(Instant.now())).isTrue();
    }
  }

  @Test
  void thePlatformsListLivesUnderOneKeyPrefix() {
    TokenRevocations platform = TokenRevocations.over(redis, TokenRevocations.KEY_PREFIX);
    assertThat(
            Set.of(
                platform.tokenKey("a"),
                platform.floorKey("b"),
                platform.markerKey(),
                platform.leaseKey()))
        .allSatisfy(key -> assertThat(key).startsWith("oc:revoked:"));
    assertThat(platform.markerKey()).isEqualTo("oc:revoked:loaded");
  }
}
