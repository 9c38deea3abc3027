package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.PASSWORD;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.client.LoginRequest;
import io.opencommerce.auth.client.PasswordResetConfirmation;
import io.opencommerce.auth.client.RefreshRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, mistyped, oversized or invalid input gets a 4xx problem+json that says what is wrong,
 * and stores nothing.
 */
class BadInputIT {

  static Stream<Arguments> badRegistrations() {
    return Stream.of(
        Arguments.of("not JSON at all", "{\"email\": ", 400, "malformed-json", null),
        Arguments.of("a JSON array", "[1,2,3]", 400, "malformed-json", null),
        Arguments.of(
            "an object for a string",
            "{\"email\": {\"a\": 1}, \"password\": \"" + PASSWORD + "\", \"displayName\": \"X\"}",
            400,
            "validation-failed",
            "body.email"),
        Arguments.of(
            "a number for a string",
            "{\"email\": \"EMAIL\", \"password\": \"" + PASSWORD + "\", \"displayName\": 42}",
            400,
            "validation-failed",
            "body.displayName"),
        Arguments.of(
            "the body inside an array",
            "[{\"email\": \"EMAIL\", \"password\": \"" + PASSWORD + "\", \"displayName\": \"X\"}]",
            400,
            "malformed-json",
            null),
        Arguments.of(
            "an invalid e-mail",
            "{\"email\": \"nope\", \"password\": \"" + PASSWORD + "\", \"displayName\": \"X\"}",
            400,
            "validation-failed",
            "body.email"),
        Arguments.of(
            "a missing display name",
            "{\"email\": \"EMAIL\", \"password\": \"" + PASSWORD + "\"}",
            400,
            "validation-failed",
            "body.displayName"),
        Arguments.of(
            "a weak password",
            "{\"email\": \"EMAIL\", \"password\": \"short1\", \"displayName\": \"X\"}",
            400,
            "validation-failed",
            "body.password"),
        Arguments.of(
            "an over-long display name",
            "{\"email\": \"EMAIL\", \"password\": \""
                + PASSWORD
                + "\", \"displayName\": \""
                + "x".repeat(101)
                + "\"}",
            400,
            "validation-failed",
            "body.displayName"),
        Arguments.of(
            "an over-long password",
            "{\"email\": \"EMAIL\", \"password\": \""
                + "a1".repeat(100)
                + "\", \"displayName\": \"X\"}",
            400,
            "validation-failed",
            "body.password"),
        Arguments.of("an empty body", null, 400, "malformed-json", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRegistrations")
  void badRegistrationsAreRefusedAndStoreNothing(
      String what, String body, int status, String code, String field) {
    String email = Platform.newEmail("bad");
    String json = body == null ? null : body.replace("EMAIL", email);
    Platform.Reply reply =
        json == null ? send("POST", AUTH + "/users", "", null) : post(AUTH + "/users", json, null);
    reply.assertProblem(status, code);
    if (field != null) {
      JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).isEqualTo(field);
      assertThat(error.getString("message")).isNotBlank();
    }
    assertThat(Platform.accountsWithEmail(email)).isZero();
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    String email = Platform.newEmail("huge");
    String json =
        "{\"email\": \""
            + email
            + "\", \"password\": \""
            + PASSWORD
            + "\", \"displayName\": \""
            + "x".repeat(200_000)
            + "\"}";
    post(AUTH + "/users", json, null).assertProblem(413, "payload-too-large");
    assertThat(Platform.accountsWithEmail(email)).isZero();
  }

  @Test
  void aDuplicateEmailIsAConflict() {
    String email = Platform.newEmail("dup");
    assertThat(post(AUTH + "/users", Platform.registerJson(email, PASSWORD, "One"), null).status())
        .isEqualTo(201);
    post(AUTH + "/users", Platform.registerJson(email.toUpperCase(), PASSWORD, "Two"), null)
        .assertProblem(409, "email-taken");
    assertThat(Platform.accountsWithEmail(email)).isEqualTo(1);
  }

  @Test
  void theWrongMediaTypeIsRefused() {
    Platform.send(
            HttpRequest.newBuilder(URI.create(AUTH + "/users"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build())
        .assertProblem(415, "unsupported-media-type");
    // The answer says what to send, not how the runtime failed.
    var refused =
        Platform.send(
            HttpRequest.newBuilder(URI.create(AUTH + "/users"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build());
    assertThat(refused.json().getString("detail"))
        .contains("application/json")
        .doesNotContain("RESTEASY");
  }

  @Test
  void badQueryParametersAreNamed() {
    String admin = Platform.admin().accessToken();
    var reply =
        Platform.get(AUTH + "/users?limit=0", admin).assertProblem(400, "validation-failed");
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("query.limit");
    var mistyped =
        Platform.get(AUTH + "/users?limit=abc", admin).assertProblem(400, "validation-failed");
    assertThat(mistyped.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("query.limit");
    Platform.get(AUTH + "/users/not-a-uuid", admin).assertProblem(404, "not-found");
    Platform.get(AUTH + "/security-events?type=NOPE", admin)
        .assertProblem(400, "validation-failed");
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo() {
    Platform.get(AUTH + "/no-such-thing", null).assertProblem(404, "not-found");
    send("DELETE", AUTH + "/jwks", null, null).assertProblem(405, "method-not-allowed");
  }

  @Test
  void aBadSiteHeaderIsRefused() {
    Platform.send(
            HttpRequest.newBuilder(URI.create(AUTH + "/jwks"))
                .header("X-Site", "Not A Site!")
                .GET()
                .build())
        .assertProblem(400, "invalid-site");
  }

  @Test
  void badLoginAndResetInputIsRefused() {
    post(AUTH + "/sessions", Bodies.json(new LoginRequest("", null)), null)
        .assertProblem(400, "validation-failed");
    post(AUTH + "/sessions/refresh", Bodies.json(new RefreshRequest("forged")), null)
        .assertProblem(401, "invalid-refresh-token");
    post(
            AUTH + "/password-resets/confirmation",
            Bodies.json(new PasswordResetConfirmation("forged", PASSWORD)),
            null)
        .assertProblem(400, "validation-failed");
  }
}
