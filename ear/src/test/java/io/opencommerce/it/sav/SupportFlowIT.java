package io.opencommerce.it.sav;

import static io.opencommerce.it.sav.SupportDesk.EVENTUAL;
import static io.opencommerce.it.sav.SupportDesk.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.EventTap.Message;
import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.sav.client.AssigneeRequest;
import io.opencommerce.sav.client.MessageRequest;
import io.opencommerce.sav.client.StatusRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The support flow end to end: a customer places an order, opens a ticket about it with a PNG
 * attached; the suite's own agent takes it (other agents share the database, so the ticket may have
 * gone to one of them first) and replies, which is published as {@code TicketAnswered} and reaches
 * the customer as a mail quoting the reply with a link to the ticket; the customer answers,
 * downloads the attachment through its presigned URL (the same bytes) and closes the ticket. Every
 * step is in the ticket's history and published as it happens.
 */
class SupportFlowIT {
  private static Session agent;

  @BeforeAll
  static void setUp() {
    agent = SupportDesk.agent("sav-flow-agent", false);
  }

  @AfterAll
  static void tearDown() {
    SupportDesk.offDuty(agent);
  }

  private static List<JsonObject> history(JsonObject ticket) {
    return ticket.getJsonArray("history").getValuesAs(JsonObject.class);
  }

  @Test
  void aCustomerIsHelpedAboutTheirOrderAndClosesTheTicket() throws Exception {
    SupportDesk.Buyer buyer = SupportDesk.buyer("sav-flow");
    String customer = buyer.token();
    try (EventTap tap =
        new EventTap("TicketOpened.v1", "TicketAnswered.v1", "TicketStatusChanged.v1")) {
      JsonObject ticket =
          SupportDesk.openAbout(customer, buyer.orderNumber(), "My parcel has not arrived");
      String id = ticket.getString("id");
      String number = ticket.getString("number");
      assertThat(number).matches("SAV-[0-9A-HJKMNP-TV-Z]{10}");
      assertThat(ticket.getString("orderNumber")).isEqualTo(buyer.orderNumber());
      assertThat(ticket.getString("category")).isEqualTo("order");
      assertThat(ticket.getString("priority")).as("from the category").isEqualTo("NORMAL");
      assertThat(ticket.getString("customerId")).isEqualTo(buyer.session().userId());
      assertThat(Instant.parse(ticket.getString("firstResponseDue")))
          .isAfter(Instant.parse(ticket.getString("openedAt")));
      assertThat(ticket.getJsonArray("messages")).hasSize(1);
      Message opened =
          tap.await(
                  m ->
                      m.payload() != null
                          && id.equals(m.payload().getString("ticketId", null))
                          && "TicketOpened".equals(m.type()),
                  EVENTUAL)
              .orElseThrow();
      assertThat(opened.payload().getString("number")).isEqualTo(number);
      assertThat(opened.payload().getString("orderNumber")).isEqualTo(buyer.orderNumber());

      // A PNG, sent with a content type that says nothing: its signature decides.
      byte[] png = SupportDesk.png(4096);
      Reply attached =
          SupportDesk.upload(id, "receipt.png", png, "application/octet-stream", customer);
      assertThat(attached.status()).as(attached.body()).isEqualTo(201);
      JsonObject attachment = attached.json();
      assertThat(attachment.getString("contentType")).isEqualTo("image/png");
      assertThat(attachment.getString("name")).isEqualTo("receipt.png");
      assertThat(attachment.getJsonNumber("size").longValue()).isEqualTo(png.length);
      assertThat(attachment.getString("status")).isEqualTo("AVAILABLE");
      String attachmentId = attachment.getString("id");
      assertThat(SupportDesk.objects("tickets/" + id + "/"))
          .as("the key is made of ids only, never the file's name")
          .containsExactly("tickets/" + id + "/" + attachmentId);

      // The suite's agent takes the ticket, whoever had it.
      JsonObject seen = call("GET", "/tickets/" + id, null, agent.accessToken()).json();
      Reply taken =
          call(
              "PUT",
              "/tickets/" + id + "/assignee",
              Bodies.json(
                  new AssigneeRequest(
                      UUID.fromString(agent.userId()), seen.getJsonNumber("version").longValue())),
              agent.accessToken());
      assertThat(taken.status()).as(taken.body()).isEqualTo(200);
      assertThat(taken.json().getString("assigneeId")).isEqualTo(agent.userId());
      assertThat(taken.json().getString("status")).isEqualTo("ASSIGNED");

      String reply = "Your parcel left yesterday; it arrives tomorrow.";
      Reply answered =
          call(
              "POST",
              "/tickets/" + id + "/messages",
              Bodies.json(new MessageRequest(reply)),
              agent.accessToken());
      assertThat(answered.status()).as(answered.body()).isEqualTo(200);
      assertThat(answered.json().getString("status")).isEqualTo("WAITING_FOR_CUSTOMER");
      assertThat(answered.json().getString("firstResponseAt", null)).isNotNull();
      JsonObject staffMessage =
          answered.json().getJsonArray("messages").getValuesAs(JsonObject.class).get(1);
      assertThat(staffMessage.getBoolean("fromStaff")).isTrue();

      Message event =
          tap.await(
                  m ->
                      "TicketAnswered".equals(m.type())
                          && m.payload() != null
                          && id.equals(m.payload().getString("ticketId", null)),
                  EVENTUAL)
              .orElseThrow();
      assertThat(event.payload().getString("number")).isEqualTo(number);
      assertThat(event.payload().getString("reply")).isEqualTo(reply);
      assertThat(event.payload().getString("customerId")).isEqualTo(buyer.session().userId());
      assertThat(event.payload().getString("messageId")).isEqualTo(staffMessage.getString("id"));
      assertThat(event.payload().getString("agentName")).isNotBlank();

      // The customer's mail, from the newsletters service: the reply quoted, a link to the ticket.
      Mailbox.Mail mail = Mailbox.await(buyer.session().email(), m -> m.subject().contains(number));
      assertThat(mail.text()).contains(reply);
      assertThat(mail.link("https://")).endsWith("/account/tickets/" + id);
      assertThat(Mailbox.count(buyer.session().email(), m -> m.subject().contains(number))).isOne();

      // The customer answers: the ticket is worked on again.
      Reply wrote =
          call(
              "POST",
              "/tickets/" + id + "/messages",
              Bodies.json(new MessageRequest("Thank you! One more question.")),
              customer);
      assertThat(wrote.status()).as(wrote.body()).isEqualTo(200);
      assertThat(wrote.json().getString("status")).isEqualTo("IN_PROGRESS");

      // The attachment, through its short-lived presigned URL.
      Reply link = call("GET", "/tickets/" + id + "/attachments/" + attachmentId, null, customer);
      assertThat(link.status()).as(link.body()).isEqualTo(200);
      assertThat(Instant.parse(link.json().getString("expiresAt"))).isAfter(Instant.now());
      HttpResponse<byte[]> download =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(link.json().getString("url"))).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(png);
      assertThat(
              call(
                      "GET",
                      "/tickets/" + id + "/attachments/" + attachmentId,
                      null,
                      agent.accessToken())
                  .status())
          .as("staff download too")
          .isEqualTo(200);

      Reply closed =
          call(
              "POST",
              "/tickets/" + id + "/status",
              Bodies.json(new StatusRequest("CLOSED", "Solved, thanks")),
              customer);
      assertThat(closed.status()).as(closed.body()).isEqualTo(200);
      assertThat(closed.json().getString("status")).isEqualTo("CLOSED");
      assertThat(closed.json().getString("closedAt", null)).isNotNull();
      List<JsonObject> steps = history(closed.json());
      assertThat(steps.get(0).getString("kind")).isEqualTo("OPENED");
      JsonObject last = steps.get(steps.size() - 1);
      assertThat(last.getString("to")).isEqualTo("CLOSED");
      assertThat(last.getString("actor")).isEqualTo(buyer.session().userId());
      assertThat(last.getString("reason")).isEqualTo("Solved, thanks");
      assertThat(steps).extracting(s -> s.getString("kind")).contains("ASSIGNED", "STATUS_CHANGED");

      tap.await(
              m ->
                  "TicketStatusChanged".equals(m.type())
                      && m.payload() != null
                      && id.equals(m.payload().getString("ticketId", null))
                      && "CLOSED".equals(m.payload().getString("to", null)),
              EVENTUAL)
          .orElseThrow();

      // The customer sees their ticket in their own list, with its order number.
      Reply mine = call("GET", "/tickets", null, customer);
      assertThat(mine.status()).isEqualTo(200);
      assertThat(mine.json().getInt("total")).isEqualTo(1);
      assertThat(mine.json().getJsonArray("items").getJsonObject(0).getString("orderNumber"))
          .isEqualTo(buyer.orderNumber());
      // Closed: no more messages, files or moves.
      call(
              "POST",
              "/tickets/" + id + "/messages",
              Bodies.json(new MessageRequest("Hello?")),
              customer)
          .assertProblem(409, "ticket-closed");
      SupportDesk.upload(id, "late.png", png, "image/png", customer)
          .assertProblem(409, "ticket-closed");
    }
  }

  @Test
  void aTicketOpenedWhileAnAgentIsAvailableIsAssignedAtOnceOrByTheQueue() throws Exception {
    Session customer = Platform.registerAndLogin("sav-queue");
    JsonObject ticket = SupportDesk.opened(customer.accessToken(), "Assigned by the platform");
    String id = ticket.getString("id");
    // The suite's own agent is available for a moment: the queue's job (every second on the local
    // platform) hands the ticket to whoever is available and least loaded, if nobody had it yet.
    SupportDesk.call(
        "PUT",
        "/agents/me/availability",
        Bodies.json(new io.opencommerce.sav.client.AvailabilityRequest(true)),
        agent.accessToken());
    try {
      org.awaitility.Awaitility.await()
          .atMost(EVENTUAL)
          .until(
              () ->
                  call("GET", "/tickets/" + id, null, Platform.admin().accessToken())
                      .json()
                      .getString("status")
                      .equals("ASSIGNED"));
      JsonObject assigned =
          call("GET", "/tickets/" + id, null, Platform.admin().accessToken()).json();
      assertThat(assigned.getString("assigneeId", null)).isNotNull();
      assertThat(
              history(assigned).stream()
                  .filter(s -> s.getString("kind").equals("ASSIGNED"))
                  .count())
          .isEqualTo(1);
      Reply agents =
          call("GET", "/agents?available=true&limit=100", null, Platform.admin().accessToken());
      assertThat(agents.status()).as(agents.body()).isEqualTo(200);
      assertThat(agents.json().getInt("total")).isPositive();
    } finally {
      SupportDesk.offDuty(agent);
    }
  }
}
