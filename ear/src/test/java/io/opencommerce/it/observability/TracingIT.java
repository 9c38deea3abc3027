package io.opencommerce.it.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.EventTap.Message;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.ServerLogs;
import io.opencommerce.it.support.Shop;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One trace per customer action, across the services and the broker (mpTelemetry and the kit's
 * io.opencommerce.kit.tracing), seen from outside as an operator sees it: in the access log, on the
 * events, and in the JSON log records, which name their trace ({@code ext_traceId}).
 */
class TracingIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(20);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

  @Test
  void aPageComposedOfSeveralServicesIsOneTrace() {
    String admin = Platform.admin().accessToken();
    String product = Shop.product(admin, "Traced lamp", "12.00", 3);
    String trace = hex(16);
    String caller = hex(8);
    String correlation = "trace-" + UUID.randomUUID();

    Reply page =
        Platform.request(
            "GET",
            Platform.BASE + "/storefront/api/product-pages/" + product,
            Platform.headers(
                "traceparent",
                "00-" + trace + "-" + caller + "-01",
                "X-Correlation-Id",
                correlation),
            null);
    assertThat(page.status()).as(page.body()).isEqualTo(200);

    // The storefront's own request carries the caller's span; each call it made to the catalogue
    // and the FAQ carries the same trace, from a span of the storefront's (not the caller's).
    List<String> lines =
        ServerLogs.awaitAccessLines(
            correlation, line -> line.contains("/storefront/api/product-pages/"), EVENTUAL);
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("/storefront/api/product-pages/" + product)
                    .contains("00-" + trace + "-" + caller + "-01"));
    for (String service : List.of("/products/api/", "/questions/api/")) {
      String call = lines.stream().filter(line -> line.contains(service)).findFirst().orElseThrow();
      Matcher context = TRACEPARENT.matcher(call);
      assertThat(context.find()).as(call).isTrue();
      assertThat(context.group(1)).as(call).isEqualTo(trace);
      assertThat(context.group(2)).as(call).isNotEqualTo(caller);
    }
  }

  @Test
  void anEventCarriesItsRequestsTraceToTheServicesThatHandleIt() {
    String trace = hex(16);
    String caller = hex(8);
    String email = Platform.newEmail("traced");

    try (EventTap tap = new EventTap("UserRegistered.v1")) {
      Reply registered =
          Platform.request(
              "POST",
              Platform.AUTH + "/users",
              Platform.headers(
                  "traceparent",
                  "00-" + trace + "-" + caller + "-01",
                  "Content-Type",
                  "application/json"),
              Platform.registerJson(email, Platform.PASSWORD, "Traced customer"));
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      String userId = registered.json().getString("id");

      // The event carries the trace, from auth's span that recorded it.
      Message event =
          tap.await(m -> email.equals(m.payload().getString("email", null)), EVENTUAL)
              .orElseThrow();
      Matcher context = TRACEPARENT.matcher(String.valueOf(event.header("traceparent")));
      assertThat(context.matches()).as(event.header("traceparent")).isTrue();
      assertThat(context.group(1)).isEqualTo(trace);
      assertThat(context.group(2)).isNotEqualTo(caller);

      // The services that handle it log under that trace: addresses opens the account's address
      // book, and the bridge says it handled the event, each record naming trace and span.
      List<JsonObject> handled =
          ServerLogs.await(
              trace,
              record ->
                  record.getString("message", "").equals("Opened the address book of " + userId),
              EVENTUAL);
      assertThat(handled.get(0).getString("ext_traceId")).isEqualTo(trace);
      assertThat(handled.get(0).getString("ext_spanId")).matches("[0-9a-f]{16}");
      assertThat(
              ServerLogs.await(
                  trace,
                  record ->
                      record
                          .getString("message", "")
                          .startsWith("Handled event " + event.id() + " UserRegistered"),
                  EVENTUAL))
          .allSatisfy(record -> assertThat(record.getString("ext_traceId")).isEqualTo(trace));
    }
  }

  @Test
  void aRequestWithoutTraceContextStartsATraceOfItsOwn() {
    String correlation = "trace-" + UUID.randomUUID();
    Reply reply =
        Platform.request(
            "POST",
            Platform.AUTH + "/sessions",
            Platform.headers("X-Correlation-Id", correlation, "Content-Type", "application/json"),
            Platform.loginJson("nobody-" + UUID.randomUUID() + "@example.com", "Wrong-Password-1"));
    assertThat(reply.status()).isEqualTo(401);

    // The refused login's security record names a trace, though the caller sent none.
    List<JsonObject> records =
        ServerLogs.await(
            correlation,
            record -> correlation.equals(record.getString("ext_correlationId", null)),
            EVENTUAL);
    assertThat(records.get(0).getString("ext_traceId")).matches("[0-9a-f]{32}");
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
