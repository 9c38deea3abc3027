package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Services exchange their own credentials for a short-lived service token: signed like a user's
 * token and accepted by every service, but with the {@code service} role only, so customer
 * endpoints refuse it. A wrong secret, an unknown service or a malformed request gets a problem and
 * no token.
 */
class ServiceTokenIT {
  private static final String SERVICE_TOKENS = AUTH + "/service-tokens";

  /** The all-in-one server's development secret for the orders service (server.xml). */
  private static final String ORDERS_SECRET =
      System.getProperty("platform.service-secret.orders", "orders-local-service-secret");

  @Test
  void aKnownServiceGetsAServiceToken() {
    Reply issued = post(SERVICE_TOKENS, credentials("orders", ORDERS_SECRET), null);
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.raw().headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    JsonObject body = issued.json();
    assertThat(body.getString("tokenType")).isEqualTo("Bearer");
    assertThat(body.getJsonNumber("expiresIn").longValue()).isPositive();
    assertThat(body.containsKey("refreshToken")).as("a service asks again instead").isFalse();

    JsonObject claims = payload(body.getString("accessToken"));
    assertThat(claims.getString("sub")).isEqualTo("service:orders");
    assertThat(claims.getString("upn")).isEqualTo("orders@services");
    assertThat(claims.getJsonArray("groups").getValuesAs(JsonString::getString))
        .containsExactly("service");
    assertThat(claims.getString("svc")).isEqualTo("orders");
    assertThat(claims.getString("jti")).isNotBlank();
    assertThat(claims.containsKey("tv")).isFalse();
    assertThat(claims.containsKey("sid")).isFalse();
    assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue())
        .isEqualTo(body.getJsonNumber("expiresIn").longValue());

    // Same issuer and audience as a person's token: every service verifies it the same way.
    JsonObject customer = payload(Platform.registerAndLogin("svc-compare").accessToken());
    assertThat(claims.getString("iss")).isEqualTo(customer.getString("iss"));
    assertThat(claims.get("aud")).isEqualTo(customer.get("aud"));
  }

  @Test
  void anotherServiceAcceptsTheToken() {
    String token = serviceToken();
    Reply products = get(BASE + "/products/api/products", token);
    assertThat(products.status()).as(products.body()).isEqualTo(200);
  }

  @Test
  void customerEndpointsRefuseTheToken() {
    String token = serviceToken();
    get(AUTH + "/users/me", token).assertProblem(403, "forbidden");
    send("DELETE", AUTH + "/sessions/current", null, token).assertProblem(403, "forbidden");
    get(AUTH + "/users", token).assertProblem(403, "forbidden");
    // @PermitAll, but it reads the caller's user id: a service is no customer (never a 500).
    get(BASE + "/baskets/api/basket", token).assertProblem(403, "forbidden");
  }

  @Test
  void aWrongSecretGetsNoToken() {
    refused(post(SERVICE_TOKENS, credentials("orders", ORDERS_SECRET + "-not"), null));
    refused(post(SERVICE_TOKENS, credentials("orders", ORDERS_SECRET.toUpperCase()), null));
  }

  @Test
  void anUnknownServiceGetsTheSameAnswerAndIsAudited() {
    String unknown = "unknown-" + UUID.randomUUID().toString().substring(0, 8);
    Reply wrongSecret = post(SERVICE_TOKENS, credentials("orders", "x".repeat(30)), null);
    Reply unknownService = post(SERVICE_TOKENS, credentials(unknown, ORDERS_SECRET), null);
    refused(wrongSecret);
    refused(unknownService);
    assertThat(unknownService.json().getString("detail"))
        .as("nothing tells an unknown service from a wrong secret")
        .isEqualTo(wrongSecret.json().getString("detail"));

    Reply events =
        get(
            AUTH + "/security-events?type=SERVICE_TOKEN_REFUSED&limit=100",
            Platform.admin().accessToken());
    assertThat(events.status()).as(events.body()).isEqualTo(200);
    assertThat(
            events
                .json()
                .getJsonArray("items")
                .getValuesAs(e -> e.asJsonObject().getString("detail", "")))
        .contains("service " + unknown + ": unknown service");
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("not JSON at all", "{\"serviceId\": ", "malformed-json", null),
        Arguments.of("a JSON array", "[\"orders\", \"secret\"]", "malformed-json", null),
        Arguments.of("an empty body", "", "malformed-json", null),
        Arguments.of("no service id", "{\"secret\": \"SECRET\"}", "validation-failed", "serviceId"),
        Arguments.of("no secret", "{\"serviceId\": \"orders\"}", "validation-failed", "secret"),
        Arguments.of(
            "a malformed service id",
            "{\"serviceId\": \"Orders.secret\", \"secret\": \"SECRET\"}",
            "validation-failed",
            "serviceId"),
        Arguments.of(
            "a short secret",
            "{\"serviceId\": \"orders\", \"secret\": \"short\"}",
            "validation-failed",
            "secret"),
        Arguments.of(
            "an over-long secret",
            "{\"serviceId\": \"orders\", \"secret\": \"" + "s".repeat(201) + "\"}",
            "validation-failed",
            "secret"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void malformedRequestsGetNoToken(String what, String body, String code, String field) {
    Reply reply =
        send("POST", SERVICE_TOKENS, body.replace("SECRET", ORDERS_SECRET), null)
            .assertProblem(400, code);
    assertThat(reply.body()).doesNotContain("accessToken").doesNotContain(ORDERS_SECRET);
    if (field != null) {
      JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).isEqualTo("body." + field);
      assertThat(error.getString("message")).isNotBlank();
    }
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    String json =
        "{\"serviceId\": \"orders\", \"secret\": \""
            + ORDERS_SECRET
            + "\", \"padding\": \""
            + "x".repeat(200_000)
            + "\"}";
    Reply reply = post(SERVICE_TOKENS, json, null).assertProblem(413, "payload-too-large");
    assertThat(reply.body()).doesNotContain("accessToken");
  }

  private static void refused(Reply reply) {
    reply.assertProblem(401, "invalid-client");
    assertThat(reply.body()).doesNotContain("accessToken");
  }

  private static String serviceToken() {
    return Platform.serviceToken("orders");
  }

  private static String credentials(String serviceId, String secret) {
    return Platform.serviceCredentials(serviceId, secret);
  }

  /** The token's claims, read without verifying it (the services under test do that). */
  private static JsonObject payload(String token) {
    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
