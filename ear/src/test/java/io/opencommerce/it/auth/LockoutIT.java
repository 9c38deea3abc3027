package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.loginJson;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.client.ChangePasswordRequest;
import io.opencommerce.auth.client.RefreshRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Five failed logins within the window lock the account (429 with Retry-After, even for the right
 * password); the lock is audited and published.
 */
class LockoutIT {

  @Test
  void repeatedFailuresLockTheAccount() {
    Session user = Platform.registerAndLogin("lockout");
    try (EventTap tap = new EventTap("SecurityEventRecorded.v1")) {
      for (int i = 1; i <= 4; i++) {
        post(AUTH + "/sessions", loginJson(user.email(), "Wrong-Password-" + i), null)
            .assertProblem(401, "invalid-credentials");
      }
      post(AUTH + "/sessions", loginJson(user.email(), "Wrong-Password-5"), null)
          .assertProblem(429, "account-locked");

      var locked = post(AUTH + "/sessions", loginJson(user.email(), user.password()), null);
      locked.assertProblem(429, "account-locked");
      long retryAfter =
          Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 15L * 60);

      var audit =
          get(AUTH + "/security-events?userId=" + user.userId(), Platform.admin().accessToken());
      assertThat(
              audit
                  .json()
                  .getJsonArray("items")
                  .getValuesAs(o -> o.asJsonObject().getString("type")))
          .contains("LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_REFUSED_LOCKED");

      assertThat(
              tap.await(
                  m ->
                      m.payload() != null
                          && "ACCOUNT_LOCKED".equals(m.payload().getString("type", null))
                          && user.userId().equals(m.payload().getString("userId", null)),
                  Duration.ofSeconds(20)))
          .as("AccountLocked published")
          .isPresent();
    }
  }

  @Test
  void aRefreshWhileLockedIsRefusedAndDoesNotSpendTheToken() throws Exception {
    Session user = Platform.registerAndLogin("locked-refresh");
    for (int i = 1; i <= 5; i++) {
      post(AUTH + "/sessions", loginJson(user.email(), "Wrong-Password-" + i), null);
    }
    post(AUTH + "/sessions/refresh", Bodies.json(new RefreshRequest(user.refreshToken())), null)
        .assertProblem(429, "account-locked");

    assertThat(
            ServiceDatabase.count(
                "auth",
                "SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND used_at IS NOT NULL",
                user.userId()))
        .as("refresh tokens spent while locked")
        .isZero();
  }

  @Test
  void wrongCurrentPasswordsOnAPasswordChangeLockTheAccountToo() {
    Session user = Platform.registerAndLogin("locked-change");
    for (int i = 1; i <= 4; i++) {
      send(
              "PUT",
              AUTH + "/users/me/password",
              Bodies.json(new ChangePasswordRequest("Wrong-Password-" + i, "Brand-New-Horse-43")),
              user.accessToken())
          .assertProblem(400, "validation-failed");
    }
    send(
            "PUT",
            AUTH + "/users/me/password",
            Bodies.json(new ChangePasswordRequest("Wrong-Password-5", "Brand-New-Horse-43")),
            user.accessToken())
        .assertProblem(429, "account-locked");
    post(AUTH + "/sessions", loginJson(user.email(), user.password()), null)
        .assertProblem(429, "account-locked");
  }

  @Test
  void unknownAccountsAnswerLikeWrongPasswordsLockIncluded() {
    String nobody = Platform.newEmail("nobody");
    for (int i = 1; i <= 4; i++) {
      post(AUTH + "/sessions", loginJson(nobody, "Whatever-12" + i), null)
          .assertProblem(401, "invalid-credentials");
    }
    post(AUTH + "/sessions", loginJson(nobody, "Whatever-125"), null)
        .assertProblem(429, "account-locked");
    var locked = post(AUTH + "/sessions", loginJson(nobody, "Whatever-126"), null);
    locked.assertProblem(429, "account-locked");
    assertThat(Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 15L * 60);
  }
}
