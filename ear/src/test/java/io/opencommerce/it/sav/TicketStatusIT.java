package io.opencommerce.it.sav;

import static io.opencommerce.it.sav.SupportDesk.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import io.opencommerce.sav.client.AssigneeRequest;
import io.opencommerce.sav.client.MessageRequest;
import io.opencommerce.sav.client.PriorityRequest;
import io.opencommerce.sav.client.StatusRequest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ticket's status machine over HTTP: impossible steps are 409 {@code illegal-transition} and
 * change nothing; a resolved ticket reopens within its period (by its customer writing or asking)
 * and not after it (409 {@code reopen-period-over}); customers may only close or reopen; staff set
 * the priority and the deadlines follow; a ticket past a deadline is listed as breached.
 */
class TicketStatusIT {
  private static Session agent;
  private static Session customer;

  @BeforeAll
  static void setUp() {
    agent = SupportDesk.agent("sav-status-agent", false);
    customer = Platform.registerAndLogin("sav-status-customer");
  }

  @AfterAll
  static void tearDown() {
    SupportDesk.offDuty(agent);
  }

  private static Reply move(String id, String status, String token) {
    return call(
        "POST", "/tickets/" + id + "/status", Bodies.json(new StatusRequest(status, null)), token);
  }

  /** A new ticket of the customer's, taken by the suite's agent. */
  private static String takenTicket(String subject) {
    return takenTicket(customer, subject);
  }

  /** A new ticket of {@code owner}'s, taken by the suite's agent. */
  private static String takenTicket(Session owner, String subject) {
    JsonObject ticket = SupportDesk.opened(owner.accessToken(), subject);
    String id = ticket.getString("id");
    Reply taken =
        call(
            "PUT",
            "/tickets/" + id + "/assignee",
            Bodies.json(new AssigneeRequest(UUID.fromString(agent.userId()), null)),
            agent.accessToken());
    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    return id;
  }

  private static String status(String id) {
    return call("GET", "/tickets/" + id, null, agent.accessToken()).json().getString("status");
  }

  @Test
  void impossibleStepsAreConflictsThatChangeNothing() throws Exception {
    String id = takenTicket("Impossible steps");
    move(id, "ASSIGNED", agent.accessToken()).assertProblem(409, "illegal-transition");
    assertThat(move(id, "RESOLVED", agent.accessToken()).status()).isEqualTo(200);
    move(id, "WAITING_FOR_CUSTOMER", agent.accessToken()).assertProblem(409, "illegal-transition");
    assertThat(move(id, "CLOSED", agent.accessToken()).status()).isEqualTo(200);
    for (String next : new String[] {"OPEN", "IN_PROGRESS", "RESOLVED", "WAITING_FOR_CUSTOMER"}) {
      move(id, next, agent.accessToken()).assertProblem(409, null);
    }
    call(
            "PUT",
            "/tickets/" + id + "/assignee",
            Bodies.json(new AssigneeRequest(UUID.fromString(agent.userId()), null)),
            agent.accessToken())
        .assertProblem(409, "illegal-transition");
    assertThat(status(id)).isEqualTo("CLOSED");
    long steps = SupportDesk.count("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ?", id);
    move(id, "IN_PROGRESS", customer.accessToken()).assertProblem(409, null);
    assertThat(SupportDesk.count("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ?", id))
        .isEqualTo(steps);
  }

  @Test
  void theOpenTicketsAreThoseNotYetResolvedOrClosed() {
    Session someone = Platform.registerAndLogin("sav-open-list");
    String waiting = SupportDesk.opened(someone.accessToken(), "Still waiting").getString("id");
    String resolved = takenTicket(someone, "Sorted out");
    String closed = SupportDesk.opened(someone.accessToken(), "Never mind").getString("id");
    assertThat(move(resolved, "RESOLVED", agent.accessToken()).status()).isEqualTo(200);
    assertThat(move(closed, "CLOSED", someone.accessToken()).status()).isEqualTo(200);

    JsonObject open = call("GET", "/tickets?open=true", null, someone.accessToken()).json();
    assertThat(open.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(ticket -> ticket.getString("id"))
        .containsExactly(waiting);
    assertThat(open.getJsonNumber("total").longValue()).isEqualTo(1);
    JsonObject all = call("GET", "/tickets?open=false", null, someone.accessToken()).json();
    assertThat(all.getJsonNumber("total").longValue()).isEqualTo(3);
    call("GET", "/tickets?open=maybe", null, someone.accessToken())
        .assertProblem(400, "validation-failed");
  }

  @Test
  void customersMayOnlyCloseOrReopenTheirTickets() {
    String id = takenTicket("Customer moves");
    move(id, "RESOLVED", customer.accessToken()).assertProblem(403, "forbidden");
    move(id, "WAITING_FOR_CUSTOMER", customer.accessToken()).assertProblem(403, "forbidden");
    assertThat(status(id)).isEqualTo("ASSIGNED");
    assertThat(move(id, "RESOLVED", agent.accessToken()).status()).isEqualTo(200);
    Reply reopened = move(id, "IN_PROGRESS", customer.accessToken());
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
    assertThat(reopened.json().getString("status")).isEqualTo("IN_PROGRESS");
    assertThat(reopened.json().getString("assigneeId")).isEqualTo(agent.userId());
    assertThat(move(id, "CLOSED", customer.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void aResolvedTicketReopensWithinItsPeriodAndNotAfter() throws Exception {
    String id = takenTicket("Reopen period");
    assertThat(move(id, "RESOLVED", agent.accessToken()).status()).isEqualTo(200);
    // Writing on a resolved ticket reopens it.
    Reply wrote =
        call(
            "POST",
            "/tickets/" + id + "/messages",
            Bodies.json(new MessageRequest("It broke again.")),
            customer.accessToken());
    assertThat(wrote.status()).as(wrote.body()).isEqualTo(200);
    assertThat(wrote.json().getString("status")).isEqualTo("IN_PROGRESS");

    assertThat(move(id, "RESOLVED", agent.accessToken()).status()).isEqualTo(200);
    // Resolved long ago: past the reopen period (P14D).
    try (Connection db = ServiceDatabase.open("sav");
        PreparedStatement age =
            db.prepareStatement("UPDATE tickets SET resolved_at = ? WHERE id = ?")) {
      age.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(30))));
      age.setString(2, id);
      assertThat(age.executeUpdate()).isEqualTo(1);
    }
    move(id, "IN_PROGRESS", customer.accessToken()).assertProblem(409, "reopen-period-over");
    call(
            "POST",
            "/tickets/" + id + "/messages",
            Bodies.json(new MessageRequest("Hello?")),
            customer.accessToken())
        .assertProblem(409, "reopen-period-over");
    assertThat(status(id)).isEqualTo("RESOLVED");
    assertThat(SupportDesk.count("SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?", id))
        .as("the refused message is not kept")
        .isEqualTo(2);
    assertThat(move(id, "CLOSED", customer.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void staffSetThePriorityAndOverdueTicketsAreListedAsBreached() throws Exception {
    String id = takenTicket("Priorities");
    JsonObject before = call("GET", "/tickets/" + id, null, agent.accessToken()).json();
    assertThat(before.getString("priority")).isEqualTo("NORMAL");
    Reply urgent =
        call(
            "PUT",
            "/tickets/" + id + "/priority",
            Bodies.json(new PriorityRequest("URGENT", "A customer in distress")),
            agent.accessToken());
    assertThat(urgent.status()).as(urgent.body()).isEqualTo(200);
    Instant opened = Instant.parse(urgent.json().getString("openedAt"));
    assertThat(Instant.parse(urgent.json().getString("firstResponseDue")))
        .isEqualTo(opened.plus(Duration.ofHours(1)));

    // Opened two days ago: both deadlines of an urgent ticket have passed.
    try (Connection db = ServiceDatabase.open("sav");
        PreparedStatement age =
            db.prepareStatement(
                "UPDATE tickets SET first_response_due = ?, resolution_due = ? WHERE id = ?")) {
      Instant past = Instant.now().minus(Duration.ofDays(2));
      age.setTimestamp(1, java.sql.Timestamp.from(past));
      age.setTimestamp(2, java.sql.Timestamp.from(past));
      age.setString(3, id);
      assertThat(age.executeUpdate()).isEqualTo(1);
    }
    Reply breached =
        call(
            "GET",
            "/tickets?breached=true&assigneeId=" + agent.userId() + "&limit=100",
            null,
            agent.accessToken());
    assertThat(breached.status()).as(breached.body()).isEqualTo(200);
    assertThat(breached.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id"))
        .contains(id);
    assertThat(breached.json().getJsonArray("items").getJsonObject(0).getBoolean("breached"))
        .isTrue();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String metrics = Platform.get(Platform.BASE + "/metrics", null).body();
              return metrics
                  .lines()
                  .filter(l -> l.startsWith("sav_tickets_breached"))
                  .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1);
            });
    assertThat(move(id, "RESOLVED", agent.accessToken()).status()).isEqualTo(200);
    assertThat(
            call(
                    "GET",
                    "/tickets?breached=true&assigneeId=" + agent.userId() + "&limit=100",
                    null,
                    agent.accessToken())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id"))
        .doesNotContain(id);
  }
}
