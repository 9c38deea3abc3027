package io.opencommerce.it;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Platform;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A broker drill on the platform's own vhost: while RabbitMQ refuses the platform, the auth service
 * keeps taking registrations (the events wait in its outbox, the backlog metric and the readiness
 * data say so, while the pods stay ready: an outage of the broker fails no request); once the
 * broker is back the events arrive, none lost.
 */
class BrokerOutageIT {
  private static final Pattern BACKLOG =
      Pattern.compile("outbox_backlog\\{[^}]*service=\"auth\"[^}]*\\} ([0-9.]+)");

  @Test
  void writesContinueWhileTheBrokerIsAwayAndEventsArriveAfterwards() throws Exception {
    String email = Platform.newEmail("outage");
    try (EventTap tap = new EventTap("UserRegistered.v1")) {
      try {
        rabbitmqctl("clear_permissions", "-p", EventTap.VHOST, EventTap.USER);
        rabbitmqctl("close_all_connections", "-p", EventTap.VHOST, "broker drill");
        await().atMost(Duration.ofSeconds(30)).until(() -> !brokerConnected());
        assertThat(get(BASE + "/health/ready", null).status()).isEqualTo(200);

        var registered =
            post(AUTH + "/users", Platform.registerJson(email, Platform.PASSWORD, "Outage"), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() >= 1);
      } finally {
        rabbitmqctl("set_permissions", "-p", EventTap.VHOST, EventTap.USER, ".*", ".*", ".*");
      }
      await().atMost(Duration.ofSeconds(60)).until(BrokerOutageIT::brokerConnected);
      assertThat(
              tap.await(
                  m -> m.payload() != null && email.equals(m.payload().getString("email")),
                  Duration.ofSeconds(60)))
          .as("UserRegistered published after the outage")
          .isPresent();
      await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
    }
    // Every subscription of every service is consumed again, not one per service.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String queue : SUBSCRIPTIONS) {
                assertThat(consumers(queue)).as("consumers of %s", queue).isPositive();
              }
            });
  }

  /** Whether the auth service's readiness data says its broker connection is open. */
  private static boolean brokerConnected() {
    return get(BASE + "/health/ready", null)
        .json()
        .getJsonArray("checks")
        .getValuesAs(jakarta.json.JsonObject.class)
        .stream()
        .filter(c -> c.getString("name").equals("auth-rabbitmq"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data")
        .getBoolean("connected");
  }

  /** Queues of services that subscribe to more than one event, and some that subscribe to one. */
  private static final List<String> SUBSCRIPTIONS =
      List.of(
          "products.OrderPlaced.v1",
          "products.OrderCancelled.v1",
          "deliveries.OrderPlaced.v1",
          "deliveries.OrderCancelled.v1",
          "baskets.OrderPlaced.v1",
          "orders.ShipmentStatusChanged.v1",
          "addresses.UserRegistered.v1",
          "newsletters.UserRegistered.v1",
          "newsletters.ShipmentStatusChanged.v1",
          "newsletters.PasswordResetRequested.v1");

  private static int consumers(String queue) {
    int[] count = new int[1];
    EventTap.withChannel(
        channel -> count[0] = channel.queueDeclarePassive(queue).getConsumerCount());
    return count[0];
  }

  private static double backlog() {
    Matcher m = BACKLOG.matcher(get(BASE + "/metrics", null).body());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  private static void rabbitmqctl(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "rabbitmqctl";
    System.arraycopy(args, 0, command, 1, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as("rabbitmqctl %s: %s", String.join(" ", args), output)
        .isZero();
  }
}
