package io.opencommerce.it.sav;

import static io.opencommerce.it.sav.SupportDesk.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.sav.client.AssigneeRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two agents take the same ticket at the same instant, each from the version they read: one wins,
 * the other is refused (409 {@code ticket-changed}), and the ticket's history holds one assignment
 * by them, never two. Repeated on several tickets, so that the race really happens.
 */
class AssignmentRaceIT {
  private static final int ROUNDS = 8;
  private static Session first;
  private static Session second;

  @BeforeAll
  static void setUp() {
    first = SupportDesk.agent("sav-race-a", false);
    second = SupportDesk.agent("sav-race-b", false);
  }

  @AfterAll
  static void tearDown() {
    SupportDesk.offDuty(first);
    SupportDesk.offDuty(second);
  }

  private static HttpRequest take(String ticket, Session agent, long version) {
    return HttpRequest.newBuilder(URI.create(SupportDesk.API + "/tickets/" + ticket + "/assignee"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + agent.accessToken())
        .PUT(
            HttpRequest.BodyPublishers.ofString(
                Bodies.json(new AssigneeRequest(UUID.fromString(agent.userId()), version))))
        .build();
  }

  @Test
  void twoConcurrentAssignmentsOfOneTicketAssignItOnce() throws Exception {
    Session customer = Platform.registerAndLogin("sav-race-customer");
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String ticket = SupportDesk.opened(customer.accessToken(), "Race " + round).getString("id");
        long version =
            call("GET", "/tickets/" + ticket, null, first.accessToken())
                .json()
                .getJsonNumber("version")
                .longValue();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Session agent : List.of(first, second)) {
          HttpRequest request = take(ticket, agent, version);
          answers.add(
              threads.submit(
                  () -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                  }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response = answer.get();
          statuses.add(response.statusCode());
          if (response.statusCode() == 409) {
            assertThat(response.body()).contains("ticket-changed");
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
          }
        }
        assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);

        Reply read = call("GET", "/tickets/" + ticket, null, Platform.admin().accessToken());
        String assignee = read.json().getString("assigneeId");
        assertThat(assignee).isIn(first.userId(), second.userId());
        long byTheAgents =
            SupportDesk.count(
                "SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND kind = 'ASSIGNED'"
                    + " AND actor IN (?, ?)",
                ticket,
                first.userId(),
                second.userId());
        assertThat(byTheAgents).as("round %d", round).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
