package io.opencommerce.it;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.Platform;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What IT operations and Kubernetes read: the three health probes, metrics and the API map. */
class ObservabilityIT {

  @Test
  void healthProbesReportEachDependency() {
    assertThat(get(BASE + "/health/started", null).status()).isEqualTo(200);
    var live = get(BASE + "/health/live", null);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body()).doesNotContain("database").doesNotContain("rabbitmq");
    var ready = get(BASE + "/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(
            ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name") + "=" + c.getString("status")))
        .contains("auth-database=UP", "auth-rabbitmq=UP", "auth-redis=UP");
    // Each service's broker check says how many of its consumers read: all of them.
    JsonObject baskets =
        ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("baskets-rabbitmq"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data");
    assertThat(baskets.getJsonNumber("consumersExpected").longValue()).isGreaterThanOrEqualTo(3);
    assertThat(baskets.getJsonNumber("consumers").longValue())
        .isEqualTo(baskets.getJsonNumber("consumersExpected").longValue());
  }

  @Test
  void metricsArePrometheusTextWithTheOutboxBacklog() {
    Platform.registerAndLogin("metrics");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get(BASE + "/metrics", null).body().contains("events_published_total{"));
    var metrics = get(BASE + "/metrics", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).containsPattern("outbox_backlog\\{[^}]*service=\"auth\"");
    assertThat(metrics.body()).containsPattern("events_published_total\\{[^}]*service=\"auth\"");
    assertThat(metrics.body()).contains("jvm_uptime_seconds");
  }

  @Test
  void theApiIsDescribed() {
    var openapi = get(BASE + "/openapi", null);
    assertThat(openapi.status()).isEqualTo(200);
    // With one application the context root moves into the server URL; with several, into paths.
    assertThat(openapi.body()).contains("/api/users:").contains("/api/sessions:").contains("/auth");
    assertThat(openapi.body()).contains("scheme: bearer");
  }

  @Test
  void responsesCarryACorrelationId() {
    var reply = get(BASE + "/auth/api/jwks", null);
    assertThat(reply.raw().headers().firstValue("X-Correlation-Id")).isPresent();
  }
}
