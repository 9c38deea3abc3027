package io.opencommerce.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.client.LoginRequest;
import io.opencommerce.auth.client.RegisterRequest;
import io.opencommerce.auth.client.ServiceTokenRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The running all-in-one platform as the tests see it: plain HTTP against its REST API, JSON read
 * with JSON-P and bodies written from the client jars' records ({@link Bodies}). The base URL comes
 * from {@code platform.url} (set by the build).
 */
public final class Platform {
  public static final String BASE = System.getProperty("platform.url", "http://localhost:9080");
  public static final String AUTH = BASE + "/auth/api";
  public static final String ADMIN_EMAIL = "admin@opencommerce.local";
  public static final String ADMIN_PASSWORD =
      System.getProperty("platform.admin.password", "Demo-Operator-2026!");
  public static final String PASSWORD = "Correct-Horse-42";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Platform() {}

  /** One HTTP exchange's outcome. */
  public record Reply(int status, String body, HttpResponse<String> raw) {
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public JsonArray jsonArray() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readArray();
      }
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    /** The first value of a response header, or null without one. */
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** Asserts an RFC 9457 problem with this status and code. */
    public Reply assertProblem(int expectedStatus, String code) {
      assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
      assertThat(contentType()).startsWith("application/problem+json");
      JsonObject problem = json();
      assertThat(problem.getInt("status")).isEqualTo(expectedStatus);
      assertThat(problem.getString("title")).isNotBlank();
      if (code != null) {
        assertThat(problem.getString("code")).isEqualTo(code);
      }
      assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
      return this;
    }
  }

  /**
   * A JSON request ({@code json} null: no body) with {@code token} as the bearer (null: anonymous).
   */
  public static Reply send(String method, String url, String json, String token) {
    return request(
        method,
        url,
        headers(
            "Content-Type",
            json == null ? null : "application/json",
            "Authorization",
            bearer(token)),
        json);
  }

  /**
   * One raw HTTP request, the way every suite sends one: any method, an absolute URL or a path on
   * the platform ({@link #BASE}), the headers given (see {@link #headers}) and a text body (null:
   * none), with a 30 s timeout. The reply carries the status, the headers and the body.
   */
  public static Reply request(String method, String url, Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : BASE + url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /**
   * Request headers from names and values in turn; a header whose value is null is left out, so
   * that a helper's optional arguments (a token, a site) can be passed as they are.
   */
  public static Map<String, String> headers(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("headers come as names and values");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        headers.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return headers;
  }

  /** The {@code Authorization} value of a bearer token, or null without a token. */
  public static String bearer(String token) {
    return token == null ? null : "Bearer " + token;
  }

  public static Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (Exception e) {
      throw new IllegalStateException("Request to " + request.uri() + " failed", e);
    }
  }

  public static Reply get(String url, String token) {
    return send("GET", url, null, token);
  }

  public static Reply post(String url, String json, String token) {
    return send("POST", url, json, token);
  }

  /** A unique address for a test account. */
  public static String newEmail(String tag) {
    return tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@it.opencommerce.local";
  }

  /**
   * A new site of the suite's own, known to every service when this returns ({@link Sites}), so
   * that one test's site data never meets another's.
   */
  public static String newSite(String tag) {
    return Sites.create(Sites.Settings.of(Sites.newCode(tag)));
  }

  /**
   * A client address for {@code X-Forwarded-For} (the local server trusts 127.0.0.1 as a proxy):
   * one of the IPv6 documentation range in a /64 of its own, since per-address rate limits count an
   * IPv6 client by its /64, so that one test's requests never count against another's.
   */
  public static String newClientAddress() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    return String.format(
        "2001:db8:%x:%x::%x",
        random.nextInt(0x10000), random.nextInt(0x10000), 1 + random.nextInt(0xfff));
  }

  public static String registerJson(String email, String password, String name) {
    return Bodies.json(new RegisterRequest(email, password, name));
  }

  public static String loginJson(String email, String password) {
    return Bodies.json(new LoginRequest(email, password));
  }

  /** A logged-in account: its id, credentials and tokens. */
  public record Session(
      String userId, String email, String password, String accessToken, String refreshToken) {}

  public static Session registerAndLogin(String tag) {
    String email = newEmail(tag);
    Reply registered = post(AUTH + "/users", registerJson(email, PASSWORD, "IT " + tag), null);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return login(email, PASSWORD, registered.json().getString("id"));
  }

  /**
   * A new account granted the support agents' role by the administrator (beside the customers' it
   * registered with), logged in again so that its token carries the role.
   */
  public static Session newAgent(String tag) {
    Session account = registerAndLogin(tag);
    Reply granted =
        send(
            "PUT",
            AUTH + "/users/" + account.userId() + "/roles/agent",
            null,
            admin().accessToken());
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    return login(account.email(), account.password(), account.userId());
  }

  public static Session login(String email, String password, String userId) {
    Reply login = post(AUTH + "/sessions", loginJson(email, password), null);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    JsonObject tokens = login.json();
    return new Session(
        userId, email, password, tokens.getString("accessToken"), tokens.getString("refreshToken"));
  }

  /** The administrator's session, and when it was opened. */
  private record AdminSession(Session session, Instant openedAt) {}

  private static AdminSession adminSession;

  /**
   * The administrator, logged in once for several suites: one account may log in only {@code
   * platform.rate-limits.login.per-account} times a minute (10, as in production), and the suites
   * ask for the administrator more often than that. A session is kept for 10 minutes, well within
   * its access token's 15; no suite logs the administrator out or changes their roles.
   */
  public static synchronized Session admin() {
    Instant now = Instant.now();
    if (adminSession == null
        || adminSession.openedAt().isBefore(now.minus(Duration.ofMinutes(10)))) {
      adminSession = new AdminSession(loginAdmin(), now);
    }
    return adminSession.session();
  }

  private static Session loginAdmin() {
    Reply login = post(AUTH + "/sessions", loginJson(ADMIN_EMAIL, ADMIN_PASSWORD), null);
    assertThat(login.status()).as("admin login: %s", login.body()).isEqualTo(200);
    JsonObject tokens = login.json();
    return new Session(
        null,
        ADMIN_EMAIL,
        ADMIN_PASSWORD,
        tokens.getString("accessToken"),
        tokens.getString("refreshToken"));
  }

  /**
   * A service token for one of the platform's services, from its local development credentials
   * ({@code service-credentials.<id>.secret} in the all-in-one server.xml; {@code
   * -Dplatform.service-secret.<id>} overrides): what a service sends to service-only endpoints.
   */
  public static String serviceToken(String service) {
    String secret =
        System.getProperty("platform.service-secret." + service, service + "-local-service-secret");
    Reply issued = post(AUTH + "/service-tokens", serviceCredentials(service, secret), null);
    assertThat(issued.status())
        .as("service token for %s: %s", service, issued.body())
        .isEqualTo(200);
    return issued.json().getString("accessToken");
  }

  /** The body of {@code POST /auth/api/service-tokens}. */
  public static String serviceCredentials(String serviceId, String secret) {
    return Bodies.json(new ServiceTokenRequest(serviceId, secret));
  }

  /** How many accounts the admin API finds under this exact e-mail. */
  public static int accountsWithEmail(String email) {
    Reply list =
        get(
            AUTH
                + "/users?email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8),
            admin().accessToken());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().getInt("total");
  }
}
