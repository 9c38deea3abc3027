package io.opencommerce.auth.application;

import io.opencommerce.kit.security.TokenRevocations;
import io.opencommerce.kit.security.TokenRevocations.Restore;
import io.opencommerce.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the revocation list back into a Redis that lost it. Redis keeps nothing on disk: after a
 * restart it holds no revocation, and without its marker ({@code oc:revoked:loaded}) every service
 * refuses signed-in requests (503 {@code revocations-unavailable}) rather than accept a token that
 * may have been revoked. This job looks for the marker every {@code
 * auth.revocations.restore-interval} (PT1S) and once at start; when it is missing, it writes every
 * live revocation from the database ({@link Revocations}) into Redis with the time it has left,
 * pipelined, then sets the marker — on a fresh platform too, with nothing to write, so that the
 * other services start checking tokens.
 *
 * <p>Replicas share the job: one restores at a time (a lease in Redis, renewed with every batch);
 * the others find the lease taken, or the marker back, and do nothing. If Redis restarts during a
 * restore, the lease goes with it and the list is not marked complete: the next run starts over.
 */
@ApplicationScoped
public class RevocationRestore {
  private static final Logger LOG = Logger.getLogger(RevocationRestore.class.getName());

  /** How many rows are read from the database at a time. */
  static final int PAGE = 1000;

  /** How long a replica may go without a sign of progress before another takes the restore over. */
  static final Duration LEASE = Duration.ofSeconds(30);

  /** One revoked token: its id, and when its revocation may be forgotten. */
  public record RevokedToken(String tokenId, Instant until) {}

  /** Every token of a user below a version is revoked, until {@code until}. */
  public record VersionFloor(String userId, long minimumVersion, Instant until) {}

  /** Where the durable revocations are read from, in pages ordered by their key. */
  public interface Source {
    /**
     * Up to {@code max} tokens whose id sorts after {@code after}, still revoked at {@code liveAt}.
     */
    List<RevokedToken> tokens(String after, Instant liveAt, int max) throws Exception;

    /**
     * Up to {@code max} floors whose user sorts after {@code after}, still live at {@code liveAt}.
     */
    List<VersionFloor> floors(String after, Instant liveAt, int max) throws Exception;
  }

  @Inject TokenRevocations list;
  @Inject Revocations source;
  @Inject PeriodicWork work;

  @Inject
  @ConfigProperty(name = "auth.revocations.restore-interval", defaultValue = "PT1S")
  String interval;

  /**
   * Restores once now, so that a fresh platform's services can check tokens as soon as auth is up,
   * then looks again on every interval. Redis being away at start delays nothing: the job retries.
   */
  void start(@Observes Startup startup) {
    try {
      restoreIfLost(list, source, Clock.systemUTC());
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "The revocation list could not be restored at start ({0}); retrying in the background",
          e.toString());
    }
    Duration every = Duration.parse(interval);
    work.every(
        every,
        every,
        "Restoring the revocation list into Redis",
        Integer.MAX_VALUE, // one run restores everything; never drained again
        max -> restoreIfLost(list, source, Clock.systemUTC()));
  }

  /**
   * Restores the list if Redis lost it and no other replica is restoring it.
   *
   * @return how many revocations were put back (0 when there was nothing to do)
   */
  static int restoreIfLost(TokenRevocations list, Source source, Clock clock) throws Exception {
    Optional<Restore> started = list.startRestore(LEASE);
    if (started.isEmpty()) {
      return 0;
    }
    try (Restore restore = started.get()) {
      Instant liveAt = clock.instant();
      String after = "";
      List<RevokedToken> tokens;
      do {
        tokens = source.tokens(after, liveAt, PAGE);
        for (RevokedToken token : tokens) {
          restore.token(token.tokenId(), token.until());
          after = token.tokenId();
        }
      } while (tokens.size() == PAGE);
      after = "";
      List<VersionFloor> floors;
      do {
        floors = source.floors(after, liveAt, PAGE);
        for (VersionFloor floor : floors) {
          restore.floor(floor.userId(), floor.minimumVersion(), floor.until());
          after = floor.userId();
        }
      } while (floors.size() == PAGE);
      if (!restore.complete(clock.instant())) {
        LOG.warning("Redis restarted while the revocation list was restored; starting over");
        return 0;
      }
      int written = restore.written();
      LOG.info(
          () ->
              "Restored the revocation list into Redis ("
                  + written
                  + " live revocations); services check tokens again");
      return written;
    }
  }
}
