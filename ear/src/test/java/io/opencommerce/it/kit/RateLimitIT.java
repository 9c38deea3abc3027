package io.opencommerce.it.kit;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Shop.DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.client.LoginRequest;
import io.opencommerce.auth.client.RegisterRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Rate limits as the platform applies them, from client addresses the tests present in {@code
 * X-Forwarded-For}: the all-in-one server trusts loopback as a proxy ({@code
 * platform.trusted-proxies}), lets one address make 100,000 auth requests a minute (its suites all
 * come from 127.0.0.1) and keeps the production limits per account and for public tracking.
 *
 * <p>That a client cannot claim another address through {@code X-Forwarded-For} unless its peer is
 * a trusted proxy cannot be shown from here (every request of the suites comes from loopback, which
 * is trusted); {@code TrustedProxiesTest} in the kit shows it.
 */
class RateLimitIT {
  /** {@code platform.rate-limits.login.per-account}: 10 logins a minute for one e-mail. */
  private static final int LOGINS_PER_ACCOUNT = 10;

  /** {@code platform.rate-limits.tracking.per-address}: 120 lookups a minute from one address. */
  private static final int TRACKING_PER_ADDRESS = 120;

  /**
   * An address of the IPv6 documentation range in a /64 of its own (per-address limits count an
   * IPv6 client by its /64), so that no other run or test shares its count.
   */
  private static String freshAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "2001:db8:%x:%x::%x",
        random.nextInt(0x10000), random.nextInt(0x10000), 1 + random.nextInt(0xfff));
  }

  private static Reply send(String method, String url, String json, String forwardedFor) {
    return Platform.request(
        method,
        url,
        Platform.headers(
            "X-Forwarded-For",
            forwardedFor,
            "Content-Type",
            json == null ? null : "application/json"),
        json);
  }

  private static Reply login(String email, String forwardedFor) {
    return send(
        "POST",
        AUTH + "/sessions",
        Bodies.json(new LoginRequest(email, "Not-the-password-1")),
        forwardedFor);
  }

  private static long retryAfter(Reply reply) {
    return Long.parseLong(reply.header("Retry-After"));
  }

  @Test
  void oneAccountGetsTenLoginsAMinuteWhateverTheAddress() {
    String address = freshAddress();
    String email = Platform.newEmail("rate-limited");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i <= LOGINS_PER_ACCOUNT; i++) {
      Reply reply = login(email, address);
      statuses.add(reply.status());
      // An unknown e-mail answers like a wrong password, and locks like one after five failures.
      reply.assertProblem(i < 5 ? 401 : 429, i < 5 ? "invalid-credentials" : "account-locked");
    }

    Reply limited = login(email, address);
    limited.assertProblem(429, "rate-limited");
    assertThat(limited.json().getString("type")).endsWith("/rate-limited");
    assertThat(retryAfter(limited)).as("seconds left in the minute's window").isBetween(1L, 60L);
    assertThat(limited.json().getString("detail")).contains("account");

    // The limit is the account's: another address does not get it more logins...
    login(email, freshAddress()).assertProblem(429, "rate-limited");
    // ...and another account from the same address is not limited.
    login(Platform.newEmail("rate-limited-other"), address)
        .assertProblem(401, "invalid-credentials");
  }

  @Test
  void theAuditRecordsTheClientAddressTheTrustedProxyReports() {
    String client = "198.51.100." + (1 + ThreadLocalRandom.current().nextInt(254));
    String email = Platform.newEmail("forwarded");
    // The left-most entry is what the client wrote itself; the right-most untrusted one is what
    // the (trusted) proxy saw.
    Reply registered =
        send(
            "POST",
            AUTH + "/users",
            Bodies.json(new RegisterRequest(email, Platform.PASSWORD, "Forwarded")),
            "203.0.113.66, " + client);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String userId = registered.json().getString("id");

    Reply audit =
        Platform.get(
            AUTH + "/security-events?userId=" + userId + "&type=USER_REGISTERED",
            Platform.admin().accessToken());
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    assertThat(
            audit.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("remoteAddress", null))
                .toList())
        .containsExactly(client);
  }

  @Test
  void publicTrackingIsLimitedPerAddress() {
    String address = freshAddress();
    String url = DELIVERIES + "/tracking/" + unknownTrackingNumber();
    double limitedBefore = limitedCount("tracking", "address");

    Reply reply = null;
    int sent = 0;
    while (sent < TRACKING_PER_ADDRESS + 10) {
      reply = send("GET", url, null, address);
      sent++;
      if (reply.status() != 404) {
        break;
      }
    }
    assertThat(sent).as("requests answered before the limit").isEqualTo(TRACKING_PER_ADDRESS + 1);
    reply.assertProblem(429, "rate-limited");
    assertThat(retryAfter(reply)).isBetween(1L, 60L);
    assertThat(limitedCount("tracking", "address")).isGreaterThan(limitedBefore);

    // Another address is not limited.
    send("GET", url, null, freshAddress()).assertProblem(404, "not-found");
  }

  /** {@code requests_limited_total{limit,by}} as /metrics shows it (0 before the first). */
  private static double limitedCount(String limit, String by) {
    for (String line : Platform.get(Platform.BASE + "/metrics", null).body().split("\n")) {
      if (line.startsWith("requests_limited_total{")
          && line.contains("limit=\"" + limit + "\"")
          && line.contains("by=\"" + by + "\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  /** A well-formed simulated tracking number that no shipment has: SIM, 10 digits, Luhn digit. */
  private static String unknownTrackingNumber() {
    String digits = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_999_999_999L));
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return "SIM" + digits + (10 - sum % 10) % 10;
  }
}
