package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.loginJson;
import static io.opencommerce.it.support.Platform.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.auth.client.ChangePasswordRequest;
import io.opencommerce.auth.client.PasswordResetConfirmation;
import io.opencommerce.auth.client.PasswordResetRequest;
import io.opencommerce.auth.client.RefreshRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.EventTap.Message;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A forgotten password: the one-time token leaves through a PasswordResetRequested event (with the
 * request's correlation id and trace context), and confirming it ends every old session.
 */
class PasswordResetIT {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void resetThroughTheEmittedToken() {
    Session user = Platform.registerAndLogin("reset");
    String newPassword = "Another-Horse-77";
    try (EventTap tap = new EventTap("PasswordResetRequested.v1")) {
      var requested =
          Platform.send(
              HttpRequest.newBuilder(URI.create(AUTH + "/password-resets"))
                  .header("Content-Type", "application/json")
                  .header("X-Correlation-Id", "it-reset-" + user.userId())
                  .header("traceparent", TRACEPARENT)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Bodies.json(new PasswordResetRequest(user.email()))))
                  .build());
      assertThat(requested.status()).isEqualTo(202);

      Message event =
          tap.await(
                  m -> m.payload() != null && user.email().equals(m.payload().getString("email")),
                  Duration.ofSeconds(20))
              .orElseThrow(
                  () -> new AssertionError("no PasswordResetRequested for " + user.email()));
      assertThat(event.type()).isEqualTo("PasswordResetRequested");
      assertThat(event.id()).hasSize(36);
      assertThat(event.header("correlation-id")).isEqualTo("it-reset-" + user.userId());
      // The caller's trace, from the span of auth's that recorded the event.
      assertThat(event.header("traceparent"))
          .startsWith(TRACEPARENT.substring(0, 36))
          .isNotEqualTo(TRACEPARENT)
          .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      assertThat(event.header("event-version")).isEqualTo("1");
      assertThat(event.header("source")).isEqualTo("auth");
      assertThat(event.header("occurred-at")).isNotBlank();
      assertThat(event.header("site")).isEqualTo("default");
      String token = event.payload().getString("resetToken");
      // Once the broker has it, the token is no longer readable in auth's outbox.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          ServiceDatabase.count(
                              "auth",
                              "SELECT COUNT(*) FROM outbox WHERE payload LIKE ?",
                              "%" + token + "%"))
                      .isZero());

      String confirmation = Bodies.json(new PasswordResetConfirmation(token, newPassword));
      assertThat(post(AUTH + "/password-resets/confirmation", confirmation, null).status())
          .isEqualTo(204);

      // Every session from before the reset is over; only the new password works.
      get(AUTH + "/users/me", user.accessToken()).assertProblem(401, "token-revoked");
      post(AUTH + "/sessions/refresh", Bodies.json(new RefreshRequest(user.refreshToken())), null)
          .assertProblem(401, "refresh-token-revoked");
      post(AUTH + "/sessions", loginJson(user.email(), user.password()), null)
          .assertProblem(401, "invalid-credentials");
      assertThat(post(AUTH + "/sessions", loginJson(user.email(), newPassword), null).status())
          .isEqualTo(200);

      // The token works once.
      post(AUTH + "/password-resets/confirmation", confirmation, null)
          .assertProblem(400, "validation-failed");
    }
  }

  @Test
  void aNewerResetVoidsTheOlderTokenAndTheRequestsOfOneAccountAreThrottled() {
    Session user = Platform.registerAndLogin("reset-twice");
    String request = Bodies.json(new PasswordResetRequest(user.email()));
    try (EventTap tap = new EventTap("PasswordResetRequested.v1")) {
      for (int i = 0; i < 5; i++) {
        assertThat(post(AUTH + "/password-resets", request, null).status()).isEqualTo(202);
      }
      List<String> tokens = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                tokens.clear();
                tap.seen().stream()
                    .filter(
                        m ->
                            m.payload() != null
                                && user.email().equals(m.payload().getString("email")))
                    .forEach(m -> tokens.add(m.payload().getString("resetToken")));
                return tokens.size() >= 3;
              });
      // The fourth and fifth request of the hour sent nothing; a later marker proves they are
      // through.
      Session marker = Platform.registerAndLogin("reset-marker");
      post(AUTH + "/password-resets", Bodies.json(new PasswordResetRequest(marker.email())), null);
      tap.await(
              m -> m.payload() != null && marker.email().equals(m.payload().getString("email")),
              Duration.ofSeconds(20))
          .orElseThrow();
      assertThat(
              tap.seen().stream()
                  .filter(
                      m ->
                          m.payload() != null
                              && user.email().equals(m.payload().getString("email")))
                  .count())
          .as("reset tokens sent in one hour")
          .isEqualTo(3);

      String oldest = Bodies.json(new PasswordResetConfirmation(tokens.get(0), "Another-Horse-78"));
      post(AUTH + "/password-resets/confirmation", oldest, null)
          .assertProblem(400, "validation-failed");
      String newest =
          Bodies.json(
              new PasswordResetConfirmation(tokens.get(tokens.size() - 1), "Another-Horse-78"));
      assertThat(post(AUTH + "/password-resets/confirmation", newest, null).status())
          .isEqualTo(204);
    }
  }

  @Test
  void anEventNoQueueIsBoundForIsKeptAndCounted() throws Exception {
    // No service consumes SecurityEventRecorded (the newsletters service now consumes
    // PasswordResetRequested), and no tap listens here: the broker returns the event of a failed
    // login, and auth keeps it in the unroutable queue instead of losing it.
    Session user = Platform.registerAndLogin("unroutable");
    double before = unroutableCounted();
    post(AUTH + "/sessions", loginJson(user.email(), "Wrong-Horse-00"), null)
        .assertProblem(401, "invalid-credentials");
    await().atMost(Duration.ofSeconds(20)).until(() -> unroutableCounted() > before);
    try (var connection = EventTap.factory().newConnection("integration-tests");
        var channel = connection.createChannel()) {
      assertThat(channel.queueDeclarePassive("platform.events.unroutable").getMessageCount())
          .isPositive();
    }
  }

  /** events_unroutable_total of auth's SecurityEventRecorded.v1 (0 before the first). */
  private static double unroutableCounted() {
    var counted =
        java.util.regex.Pattern.compile(
                "events_unroutable_total\\{[^}]*service=\"auth\"[^}]*"
                    + "type=\"SecurityEventRecorded.v1\"[^}]*\\} ([0-9.E]+)")
            .matcher(get(Platform.BASE + "/metrics", null).body());
    return counted.find() ? Double.parseDouble(counted.group(1)) : 0;
  }

  @Test
  void unknownAddressesGetTheSameAnswerAndNoEvent() {
    String nobody = Platform.newEmail("nobody");
    Session somebody = Platform.registerAndLogin("somebody");
    try (EventTap tap = new EventTap("PasswordResetRequested.v1")) {
      var requested =
          post(AUTH + "/password-resets", Bodies.json(new PasswordResetRequest(nobody)), null);
      assertThat(requested.status()).isEqualTo(202);

      // The barrier: a reset asked afterwards for an account that exists. The request writes its
      // event before it answers, the outbox is relayed in order and the tap's queue keeps that
      // order: once this event has arrived, one for the unknown address would have arrived first.
      var marker =
          post(
              AUTH + "/password-resets",
              Bodies.json(new PasswordResetRequest(somebody.email())),
              null);
      assertThat(marker.status()).isEqualTo(202);
      assertThat(
              tap.await(
                  m ->
                      m.payload() != null
                          && somebody.email().equals(m.payload().getString("email")),
                  Duration.ofSeconds(20)))
          .as("PasswordResetRequested for %s", somebody.email())
          .isPresent();
      assertThat(tap.seen())
          .noneMatch(m -> m.payload() != null && nobody.equals(m.payload().getString("email")));
    }
  }

  @Test
  void changingThePasswordEndsAllSessions() {
    Session user = Platform.registerAndLogin("change");
    Session second = Platform.login(user.email(), user.password(), user.userId());
    String body = Bodies.json(new ChangePasswordRequest(user.password(), "Changed-Horse-99"));
    Platform.send(
            "PUT",
            AUTH + "/users/me/password",
            Bodies.json(new ChangePasswordRequest("wrong", "Changed-Horse-99")),
            user.accessToken())
        .assertProblem(400, "validation-failed");
    assertThat(Platform.send("PUT", AUTH + "/users/me/password", body, user.accessToken()).status())
        .isEqualTo(204);
    get(AUTH + "/users/me", user.accessToken()).assertProblem(401, "token-revoked");
    get(AUTH + "/users/me", second.accessToken()).assertProblem(401, "token-revoked");
    post(AUTH + "/sessions/refresh", Bodies.json(new RefreshRequest(second.refreshToken())), null)
        .assertProblem(401, "refresh-token-revoked");
    Session fresh = Platform.login(user.email(), "Changed-Horse-99", user.userId());
    assertThat(get(AUTH + "/users/me", fresh.accessToken()).status()).isEqualTo(200);
  }
}
