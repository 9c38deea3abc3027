package io.opencommerce.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The revocation list every service checks: single tokens (logout) and all tokens of a user below a
 * token version (password or role change). Redis holds it for the checks, each entry with a time to
 * live no longer than the tokens it revokes (plus {@link #GRACE}), so it never grows without bound.
 *
 * <p>Redis keeps nothing on disk here, so the list it holds may be lost. The auth service keeps
 * every revocation in its database too and puts the live ones back ({@link #startRestore}); a
 * marker key ({@code oc:revoked:loaded}, the instant the list was last made complete) tells that
 * the list in this Redis is complete. A check reads it with the token's two entries, in the same
 * round trip: without it, a token that is not found revoked may still be, and the check answers
 * {@link Verdict#UNKNOWN}.
 */
@ApplicationScoped
public class TokenRevocations {
  /** Where the list lives in Redis; every key of it starts with this. */
  public static final String KEY_PREFIX = "oc:revoked:";

  /**
   * How long a revocation outlives the token it revokes: beyond the clock skew the verifiers allow
   * (30 s), so that a token is never accepted a moment after its revocation was forgotten.
   */
  public static final Duration GRACE = Duration.ofMinutes(1);

  /** What the list says of one token. */
  public enum Verdict {
    /** Not revoked, and the list is complete. */
    VALID,
    /** Revoked, by its id or by its user's token version. */
    REVOKED,
    /** Not found revoked, but the list is not complete (Redis lost it and it is being restored). */
    UNKNOWN
  }

  /**
   * Raises a user's version floor, never lowers it: an older floor written late (a restore, a
   * repeated write) cannot undo a newer one. An equal floor keeps the longer of the two lifetimes.
   * KEYS[1] the floor; ARGV[1] the version, ARGV[2] the lifetime in milliseconds.
   */
  private static final String RAISE_FLOOR =
      "local current = tonumber(redis.call('GET', KEYS[1]) or '-1')\n"
          + "local wanted = tonumber(ARGV[1])\n"
          + "local ttl = tonumber(ARGV[2])\n"
          + "if current > wanted then return 0 end\n"
          + "if current == wanted and redis.call('PTTL', KEYS[1]) >= ttl then return 0 end\n"
          + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)\n"
          + "return 1";

  /** Extends the restore's lease if it is still ours. KEYS[1] lease; ARGV[1] holder, ARGV[2] ms. */
  private static final String RENEW_LEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then"
          + " return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end\n"
          + "return 0";

  /**
   * Marks the list complete if the restore's lease is still ours: a Redis that restarted during the
   * restore has lost the lease with everything written before, and must not be marked complete.
   * KEYS[1] lease, KEYS[2] marker; ARGV[1] holder, ARGV[2] the marker's value.
   */
  private static final String COMPLETE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then\n"
          + "  redis.call('SET', KEYS[2], ARGV[2])\n"
          + "  redis.call('DEL', KEYS[1])\n"
          + "  return 1\n"
          + "end\n"
          + "return 0";

  /** Gives the lease up if it is still ours. KEYS[1] lease; ARGV[1] holder. */
  private static final String RELEASE_LEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
          + "return 0";

  @Inject RedisClient redis;

  private String prefix = KEY_PREFIX;

  protected TokenRevocations() {}

  /**
   * The list under another key prefix, over a client of the caller's: for tests and tools that must
   * not touch the platform's own list.
   */
  public static TokenRevocations over(RedisClient redis, String prefix) {
    TokenRevocations revocations = new TokenRevocations();
    revocations.redis = redis;
    revocations.prefix = prefix;
    return revocations;
  }

  /** When a revocation of a token expiring at {@code tokenExpiresAt} may be forgotten. */
  public static Instant keptUntil(Instant tokenExpiresAt) {
    return tokenExpiresAt.plus(GRACE);
  }

  /** Revokes one token (by its {@code jti}) until {@code until}; nothing once that has passed. */
  public void revokeToken(String jti, Instant until) {
    long ms = millisUntil(until);
    if (jti == null || ms <= 0) {
      return;
    }
    redis.set(tokenKey(jti), "1", SetParams.setParams().px(ms));
  }

  /**
   * Rejects every token of {@code subject} whose version is below {@code minimumVersion}, until
   * {@code until}. A floor only rises: a lower one than Redis holds changes nothing.
   */
  public void revokeBelowVersion(String subject, long minimumVersion, Instant until) {
    long ms = millisUntil(until);
    if (subject == null || ms <= 0) {
      return;
    }
    redis.eval(RAISE_FLOOR, List.of(floorKey(subject)), floorArgs(minimumVersion, ms));
  }

  /**
   * One round trip: is this token revoked by its id or by its user's version floor, and if not, is
   * the list complete enough to say so?
   */
  public Verdict check(String jti, String subject, long tokenVersion) {
    List<String> values = redis.mget(tokenKey(jti), floorKey(subject), markerKey());
    if (values.get(0) != null) {
      return Verdict.REVOKED;
    }
    String floor = values.get(1);
    if (floor != null && tokenVersion < Long.parseLong(floor)) {
      return Verdict.REVOKED;
    }
    return values.get(2) == null ? Verdict.UNKNOWN : Verdict.VALID;
  }

  /** Whether the list in Redis is complete (its marker is there). */
  public boolean isComplete() {
    return redis.exists(markerKey());
  }

  /**
   * Starts putting the list back into a Redis that lost it. Empty when there is nothing to do: the
   * list is complete, or another replica is restoring it (it holds the lease, for {@code lease}
   * from its last write; a replica that dies while restoring delays the next restore that long at
   * most).
   */
  public Optional<Restore> startRestore(Duration lease) {
    if (isComplete()) {
      return Optional.empty();
    }
    String holder = UUID.randomUUID().toString();
    String taken = redis.set(leaseKey(), holder, SetParams.setParams().nx().px(lease.toMillis()));
    if (!"OK".equals(taken)) {
      return Optional.empty();
    }
    Restore restore = new Restore(holder, lease);
    if (isComplete()) { // another replica completed it just before we took the lease
      restore.close();
      return Optional.empty();
    }
    return Optional.of(restore);
  }

  /**
   * One restore: the revocations to put back, written in pipelined batches, then {@link #complete}
   * marks the list complete. Writing only adds (a floor only rises), so revocations made while the
   * restore runs are never undone by it. Closing a restore that did not complete gives its lease
   * up.
   */
  public final class Restore implements AutoCloseable {
    /** How many writes go to Redis in one pipelined round trip. */
    static final int BATCH = 1000;

    private final String holder;
    private final Duration lease;
    private final List<Function<AbstractPipeline, Response<?>>> pending = new ArrayList<>();
    private int written;
    private boolean completed;

    private Restore(String holder, Duration lease) {
      this.holder = holder;
      this.lease = lease;
    }

    /** Puts back one token's revocation, kept until {@code until}; nothing once that has passed. */
    public void token(String jti, Instant until) {
      long ms = millisUntil(until);
      if (jti != null && ms > 0) {
        add(pipeline -> pipeline.set(tokenKey(jti), "1", SetParams.setParams().px(ms)));
      }
    }

    /** Puts back one user's version floor, kept until {@code until}; nothing once that passed. */
    public void floor(String subject, long minimumVersion, Instant until) {
      long ms = millisUntil(until);
      if (subject != null && ms > 0) {
        add(
            pipeline ->
                pipeline.eval(
                    RAISE_FLOOR, List.of(floorKey(subject)), floorArgs(minimumVersion, ms)));
      }
    }

    private void add(Function<AbstractPipeline, Response<?>> write) {
      pending.add(write);
      if (pending.size() >= BATCH) {
        flush();
      }
    }

    /**
     * Sends what is pending in one round trip, and extends the lease.
     *
     * @throws IllegalStateException when the lease was lost (it lapsed, or Redis restarted): the
     *     restore must start again
     * @throws redis.clients.jedis.exceptions.JedisException when Redis refused a write or cannot be
     *     reached
     */
    void flush() {
      List<Response<?>> answers = new ArrayList<>(pending.size());
      Response<Object> renewed;
      try (AbstractPipeline pipeline = redis.pipelined()) {
        pending.forEach(write -> answers.add(write.apply(pipeline)));
        renewed = pipeline.eval(RENEW_LEASE, List.of(leaseKey()), List.of(holder, leaseMillis()));
        pipeline.sync();
      }
      answers.forEach(Response::get); // a write Redis refused (out of memory) fails the restore
      written += pending.size();
      pending.clear();
      if (!Long.valueOf(1).equals(renewed.get())) {
        throw new IllegalStateException(
            "The revocation restore lost its lease (Redis restarted, or the lease lapsed)");
      }
    }

    /**
     * Writes what is pending and marks the list complete, with {@code now} as the marker's value.
     * False when the lease was lost meanwhile (Redis restarted during the restore): the list is not
     * marked, and the next restore starts over.
     */
    public boolean complete(Instant now) {
      try {
        flush();
      } catch (IllegalStateException lost) {
        return false;
      }
      Object done =
          redis.eval(COMPLETE, List.of(leaseKey(), markerKey()), List.of(holder, now.toString()));
      completed = Long.valueOf(1).equals(done);
      return completed;
    }

    /** How many revocations were written so far. */
    public int written() {
      return written;
    }

    @Override
    public void close() {
      if (!completed) {
        redis.eval(RELEASE_LEASE, List.of(leaseKey()), List.of(holder));
      }
    }

    private String leaseMillis() {
      return Long.toString(lease.toMillis());
    }
  }

  private static List<String> floorArgs(long minimumVersion, long ms) {
    return List.of(Long.toString(minimumVersion), Long.toString(ms));
  }

  private static long millisUntil(Instant until) {
    return Duration.between(Instant.now(), until).toMillis();
  }

  String tokenKey(String jti) {
    return prefix + "jti:" + jti;
  }

  String floorKey(String subject) {
    return prefix + "user:" + subject;
  }

  String markerKey() {
    return prefix + "loaded";
  }

  String leaseKey() {
    return prefix + "restoring";
  }
}
