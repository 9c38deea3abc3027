package io.opencommerce.it.sav;

import static io.opencommerce.it.sav.SupportDesk.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what on the sav API: anonymous callers get 401 everywhere, customers 403 on staff
 * endpoints and staff filters; bad input (an array for a body, a number for text, missing fields,
 * oversized text, unknown values) is 400 problem+json naming the field, and nothing is stored.
 */
class SavRolesIT {
  private static Session customer;
  private static String ticket;

  @BeforeAll
  static void setUp() {
    customer = Platform.registerAndLogin("sav-roles");
    ticket = SupportDesk.opened(customer.accessToken(), "Roles").getString("id");
  }

  private static long ticketsOfCustomer() throws Exception {
    return SupportDesk.count(
        "SELECT COUNT(*) FROM tickets WHERE customer_id = ?", customer.userId());
  }

  @Test
  void anonymousCallersAreUnauthorizedEverywhere() {
    String some = "00000000-0000-7000-8000-000000000000";
    List<String[]> endpoints =
        List.of(
            new String[] {"GET", "/tickets"},
            new String[] {"POST", "/tickets"},
            new String[] {"GET", "/tickets/" + ticket},
            new String[] {"POST", "/tickets/" + ticket + "/messages"},
            new String[] {"POST", "/tickets/" + ticket + "/status"},
            new String[] {"PUT", "/tickets/" + ticket + "/priority"},
            new String[] {"PUT", "/tickets/" + ticket + "/assignee"},
            new String[] {"POST", "/tickets/" + ticket + "/attachments?name=a.png"},
            new String[] {"GET", "/tickets/" + ticket + "/attachments/" + some},
            new String[] {"GET", "/agents"},
            new String[] {"PUT", "/agents/me/availability"});
    for (String[] endpoint : endpoints) {
      Reply answer = call(endpoint[0], endpoint[1], "{}", null);
      assertThat(answer.status()).as("%s %s", endpoint[0], endpoint[1]).isEqualTo(401);
    }
  }

  @Test
  void customersAreForbiddenTheStaffsEndpointsAndFilters() throws Exception {
    String token = customer.accessToken();
    call("GET", "/agents", null, token).assertProblem(403, null);
    call("PUT", "/agents/me/availability", "{\"available\":true}", token).assertProblem(403, null);
    call("PUT", "/tickets/" + ticket + "/priority", "{\"priority\":\"URGENT\"}", token)
        .assertProblem(403, null);
    call(
            "PUT",
            "/tickets/" + ticket + "/assignee",
            "{\"agentId\":\"" + customer.userId() + "\"}",
            token)
        .assertProblem(403, null);
    call("GET", "/tickets?unassigned=true", null, token).assertProblem(403, "forbidden");
    call("GET", "/tickets?breached=true", null, token).assertProblem(403, "forbidden");
    call("GET", "/tickets?assigneeId=" + customer.userId(), null, token)
        .assertProblem(403, "forbidden");
    call("GET", "/tickets?customerId=00000000-0000-7000-8000-000000000000", null, token)
        .assertProblem(403, "forbidden");
    JsonObject unchanged = call("GET", "/tickets/" + ticket, null, token).json();
    assertThat(unchanged.getString("priority")).isEqualTo("NORMAL");
    assertThat(unchanged.getString("customerEmail")).isEqualTo(customer.email());
  }

  @Test
  void badTicketsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    String token = customer.accessToken();
    long before = ticketsOfCustomer();
    String good = "{\"subject\":\"S\",\"category\":\"order\",\"message\":\"M\"}";
    assertThat(field(call("POST", "/tickets", "[" + good + "]", token), 400)).isNotNull();
    assertThat(
            field(
                call(
                    "POST",
                    "/tickets",
                    "{\"subject\":42,\"category\":\"order\",\"message\":\"M\"}",
                    token),
                400))
        .isEqualTo("body.subject");
    assertThat(
            field(
                call("POST", "/tickets", "{\"category\":\"order\",\"message\":\"M\"}", token), 400))
        .isEqualTo("body.subject");
    assertThat(field(call("POST", "/tickets", "{\"subject\":\"S\",\"message\":\"M\"}", token), 400))
        .isEqualTo("body.category");
    assertThat(
            field(
                call(
                    "POST",
                    "/tickets",
                    "{\"subject\":\"S\",\"category\":\"refund-now\",\"message\":\"M\"}",
                    token),
                400))
        .isEqualTo("body.category");
    assertThat(
            field(
                call(
                    "POST",
                    "/tickets",
                    "{\"subject\":\""
                        + "x".repeat(201)
                        + "\",\"category\":\"order\",\"message\":\"M\"}",
                    token),
                400))
        .isEqualTo("body.subject");
    assertThat(
            field(
                call(
                    "POST",
                    "/tickets",
                    "{\"subject\":\"S\",\"category\":\"order\",\"message\":\""
                        + "x".repeat(5001)
                        + "\"}",
                    token),
                400))
        .isEqualTo("body.message");
    assertThat(
            field(
                call(
                    "POST",
                    "/tickets",
                    "{\"subject\":\"S\",\"category\":\"order\",\"orderNumber\":\"42\",\"message\":\"M\"}",
                    token),
                400))
        .isEqualTo("body.orderNumber");
    call("POST", "/tickets", "not json", token).assertProblem(400, null);
    assertThat(ticketsOfCustomer()).isEqualTo(before);

    long messages =
        SupportDesk.count("SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?", ticket);
    assertThat(field(call("POST", "/tickets/" + ticket + "/messages", "{\"text\":7}", token), 400))
        .isEqualTo("body.text");
    assertThat(
            field(
                call(
                    "POST",
                    "/tickets/" + ticket + "/messages",
                    "{\"text\":\"" + "y".repeat(5001) + "\"}",
                    token),
                400))
        .isEqualTo("body.text");
    assertThat(
            field(
                call("POST", "/tickets/" + ticket + "/status", "{\"status\":\"DONE\"}", token),
                400))
        .isEqualTo("body.status");
    assertThat(
            SupportDesk.count("SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?", ticket))
        .isEqualTo(messages);
  }

  @Test
  void badQueriesAndFileNamesAreRefused() throws Exception {
    String admin = Platform.admin().accessToken();
    assertThat(field(call("GET", "/tickets?status=LOST", null, admin), 400))
        .isEqualTo("query.status");
    assertThat(field(call("GET", "/tickets?breached=maybe", null, admin), 400))
        .isEqualTo("query.breached");
    assertThat(field(call("GET", "/tickets?assigneeId=nobody", null, admin), 400))
        .isEqualTo("query.assigneeId");
    assertThat(field(call("GET", "/tickets?limit=1000", null, admin), 400))
        .isEqualTo("query.limit");
    byte[] png = SupportDesk.png(16);
    SupportDesk.upload(ticket, null, png, "image/png", customer.accessToken())
        .assertProblem(400, "validation-failed");
    SupportDesk.upload(ticket, "../../etc/passwd.png", png, "image/png", customer.accessToken())
        .assertProblem(400, "validation-failed");
    SupportDesk.upload(ticket, "x".repeat(201) + ".png", png, "image/png", customer.accessToken())
        .assertProblem(400, "validation-failed");
    assertThat(
            SupportDesk.count(
                "SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ?", ticket))
        .isZero();
    assertThat(SupportDesk.objects("tickets/" + ticket + "/")).isEmpty();
  }

  /** Asserts a problem of {@code status}; returns the field its first error names, if any. */
  private static String field(Reply answer, int status) {
    answer.assertProblem(status, null);
    JsonObject problem = answer.json();
    if (!problem.containsKey("errors") || problem.getJsonArray("errors").isEmpty()) {
      return "";
    }
    return problem.getJsonArray("errors").getJsonObject(0).getString("field");
  }
}
