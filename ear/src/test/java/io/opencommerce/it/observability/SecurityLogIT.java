package io.opencommerce.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServerLogs;
import io.opencommerce.products.client.ProductRequest;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every service's security-relevant actions in one structured format (the kit's SecurityLog):
 * records of the logger {@code io.opencommerce.security} whose JSON fields say what was done, by
 * whom, to what, how it ended, from where and in which request.
 */
class SecurityLogIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(15);
  private static final String PRODUCTS = Platform.BASE + "/products/api/products";

  @Test
  void anAdministratorsChangesAreRecordedWithTheirOutcome() {
    Session admin = Platform.admin();
    String adminId = subjectOf(admin.accessToken());
    String created = "security-" + UUID.randomUUID();
    Reply product =
        send(
            "POST",
            PRODUCTS,
            admin.accessToken(),
            created,
            Bodies.json(
                new ProductRequest(
                    "SEC-" + UUID.randomUUID().toString().substring(0, 8),
                    "Audited chair",
                    "A chair whose creation is in the security log",
                    null,
                    new BigDecimal("49.00"),
                    "EUR",
                    null,
                    null)));
    assertThat(product.status()).as(product.body()).isEqualTo(201);

    JsonObject record = securityRecord(created);
    assertThat(record.getString("module")).isEqualTo("io.opencommerce.security");
    assertThat(record.getString("ext_securityAction")).isEqualTo("staff-change");
    assertThat(record.getString("ext_securityOutcome")).isEqualTo("success");
    assertThat(record.getString("ext_actor")).isEqualTo(adminId);
    assertThat(record.getString("ext_actorRoles")).contains("admin");
    assertThat(record.getString("ext_target")).isEqualTo("POST /products/api/products");
    assertThat(record.getString("ext_detail")).isEqualTo("HTTP 201");
    assertThat(record.getString("ext_site")).isEqualTo("default");
    assertThat(record.getString("ext_clientAddress")).isNotBlank();
    assertThat(record.getString("ext_traceId")).matches("[0-9a-f]{32}");

    // A refused change is recorded as refused, and changes nothing.
    String refused = "security-" + UUID.randomUUID();
    Reply invalid =
        send("POST", PRODUCTS, admin.accessToken(), refused, "{\"sku\":\"\",\"price\":-1}");
    invalid.assertProblem(400, null);
    JsonObject denied = securityRecord(refused);
    assertThat(denied.getString("ext_securityAction")).isEqualTo("staff-change");
    assertThat(denied.getString("ext_securityOutcome")).isEqualTo("denied");
    assertThat(denied.getString("loglevel")).isEqualTo("WARNING");
  }

  @Test
  void aCustomerReachingForAnAdministratorsEndpointIsRecorded() {
    Session customer = Platform.registerAndLogin("security-denied");
    String correlation = "security-" + UUID.randomUUID();
    Reply reply =
        send(
            "POST",
            Platform.BASE + "/websites/api/sites",
            customer.accessToken(),
            correlation,
            "{}");
    reply.assertProblem(403, null);

    JsonObject record = securityRecord(correlation);
    assertThat(record.getString("ext_securityAction")).isEqualTo("access-denied");
    assertThat(record.getString("ext_securityOutcome")).isEqualTo("denied");
    assertThat(record.getString("ext_actor")).isEqualTo(customer.userId());
    assertThat(record.getString("ext_actorRoles")).isEqualTo("customer");
    assertThat(record.getString("ext_target")).isEqualTo("POST /websites/api/sites");
  }

  @Test
  void aForgedTokenIsRecordedWithoutTheToken() {
    String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmb3JnZWQiLCJncm91cHMiOlsiYWRtaW4iXX0.c2ln";
    String correlation = "security-" + UUID.randomUUID();
    send("POST", Platform.BASE + "/websites/api/sites", forged, correlation, "{}")
        .assertProblem(401, null);

    JsonObject record = securityRecord(correlation);
    assertThat(record.getString("ext_securityAction")).isEqualTo("token-refused");
    assertThat(record.getString("ext_securityOutcome")).isEqualTo("denied");
    assertThat(record.getString("ext_actor")).isEqualTo("anonymous");
    assertThat(record.getString("ext_target")).isEqualTo("POST /websites/api/sites");
    assertThat(record.toString()).doesNotContain(forged);
  }

  @Test
  void aFailedLoginIsRecordedAndCountedWithoutItsPassword() {
    Session account = Platform.registerAndLogin("security-login");
    long before = failedLogins();
    String correlation = "security-" + UUID.randomUUID();
    Reply login =
        send(
            "POST",
            Platform.AUTH + "/sessions",
            null,
            correlation,
            Platform.loginJson(account.email(), "Wrong-Guess-" + correlation));
    assertThat(login.status()).isEqualTo(401);

    JsonObject record = securityRecord(correlation);
    assertThat(record.getString("ext_securityAction")).isEqualTo("login-failed");
    assertThat(record.getString("ext_securityOutcome")).isEqualTo("denied");
    assertThat(record.getString("ext_target")).isEqualTo(account.email());
    assertThat(record.toString()).doesNotContain("Wrong-Guess");
    assertThat(failedLogins()).isGreaterThan(before);
  }

  @Test
  void aCustomersOwnChangesAreNotSecurityEvents() {
    Session customer = Platform.registerAndLogin("security-own");
    String correlation = "security-" + UUID.randomUUID();
    Reply changed =
        send(
            "PUT",
            Platform.BASE + "/baskets/api/basket/items/" + UUID.randomUUID(),
            customer.accessToken(),
            correlation,
            "{\"quantity\":1}");
    assertThat(changed.status()).as(changed.body()).isLessThan(500);
    // A later administrator's record shows the log has been written past that request.
    anAdministratorsChangesAreRecordedWithTheirOutcome();
    assertThat(ServerLogs.records(correlation))
        .noneMatch(record -> "io.opencommerce.security".equals(record.getString("module", null)));
  }

  /**
   * A JSON request by the holder of {@code token}, under the correlation id {@code correlation}.
   */
  private static Reply send(
      String method, String url, String token, String correlation, String json) {
    return Platform.request(
        method,
        url,
        Platform.headers(
            "Authorization",
            token == null ? null : Platform.bearer(token),
            "Content-Type",
            "application/json",
            "X-Correlation-Id",
            correlation),
        json);
  }

  private static JsonObject securityRecord(String correlation) {
    List<JsonObject> records =
        ServerLogs.await(
            correlation,
            record ->
                "io.opencommerce.security".equals(record.getString("module", null))
                    && correlation.equals(record.getString("ext_correlationId", null)),
            EVENTUAL);
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  private static long failedLogins() {
    String metrics = Platform.get(Platform.BASE + "/metrics?scope=application", null).body();
    Matcher counted =
        Pattern.compile("security_events_total\\{[^}]*type=\"LOGIN_FAILED\"[^}]*} ([0-9.]+)")
            .matcher(metrics);
    return counted.find() ? (long) Double.parseDouble(counted.group(1)) : 0;
  }

  private static String subjectOf(String token) {
    String payload = token.split("\\.")[1];
    String json =
        new String(
            java.util.Base64.getUrlDecoder().decode(payload),
            java.nio.charset.StandardCharsets.UTF_8);
    Matcher subject = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(subject.find()).isTrue();
    return subject.group(1);
  }
}
