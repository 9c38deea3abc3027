package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.client.LoginRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Password hashing (Argon2id, 16 MiB each) is bounded: a burst of logins far beyond the four hashes
 * the auth service runs at once gets 401 for those it checked and 503 {@code overloaded} with
 * {@code Retry-After}, at once, for the rest; never a 500, never a hash queued without end.
 */
class PasswordHashingLimitIT {
  private static final int BURST = 64;

  @Test
  void aBurstOfLoginsIsCheckedFourAtATimeAndTheRestIsTurnedAway() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(BURST);
    try {
      List<CompletableFuture<Reply>> logins = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        // Unknown e-mails are hashed too, so that they take as long as known ones.
        String body =
            Bodies.json(new LoginRequest(Platform.newEmail("burst"), "Not-the-password-1"));
        logins.add(
            CompletableFuture.supplyAsync(
                () -> Platform.post(AUTH + "/sessions", body, null), pool));
      }
      List<Reply> replies = logins.stream().map(CompletableFuture::join).toList();
      Map<Integer, Long> statuses =
          replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));

      assertThat(statuses.keySet()).as("%s", statuses).containsOnly(401, 503);
      assertThat(statuses.get(401)).as("%s", statuses).isPositive();
      assertThat(statuses.get(503)).as("%s", statuses).isPositive();
      for (Reply reply : replies) {
        if (reply.status() == 503) {
          reply.assertProblem(503, "overloaded");
          assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
        } else {
          reply.assertProblem(401, "invalid-credentials");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
