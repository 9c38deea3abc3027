package io.opencommerce.it.sav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.it.support.OctetStreams;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.sav.client.AgentView;
import io.opencommerce.sav.client.AssigneeRequest;
import io.opencommerce.sav.client.AttachmentLink;
import io.opencommerce.sav.client.AttachmentView;
import io.opencommerce.sav.client.AvailabilityRequest;
import io.opencommerce.sav.client.MessageRequest;
import io.opencommerce.sav.client.PriorityRequest;
import io.opencommerce.sav.client.SavApi;
import io.opencommerce.sav.client.StatusRequest;
import io.opencommerce.sav.client.TicketRequest;
import io.opencommerce.sav.client.TicketSummary;
import io.opencommerce.sav.client.TicketView;
import jakarta.ws.rs.ClientErrorException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.JsonBProvider;
import org.microshed.testing.jaxrs.RestClientBuilder;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Support tickets through the published client jar only ({@code SavApi}), as a shop front drives
 * it: a customer opens a ticket and attaches a file, an agent takes it, prioritises and answers it,
 * the customer closes it; administrators list the agents; refusals arrive as JAX-RS exceptions.
 */
@MicroShedTest
public class SavClientIT {

  @Test
  void aTicketThroughTheClientJar() {
    SavApi sav =
        new RestClientBuilder()
            .withAppContextRoot(Platform.BASE + "/sav")
            .withJaxrsPath("/api")
            .withProviders(OctetStreams.class, JsonBProvider.class)
            .build(SavApi.class);
    Session agentSession = SupportDesk.agent("sav-client-agent", false);
    Session customerSession = Platform.registerAndLogin("sav-client-customer");
    String agent = "Bearer " + agentSession.accessToken();
    String customer = "Bearer " + customerSession.accessToken();
    String admin = "Bearer " + Platform.admin().accessToken();

    TicketView opened =
        sav.open(customer, new TicketRequest("Client jar", "payment", null, "Charged twice?"));
    assertThat(opened.priority()).isEqualTo("HIGH");
    assertThat(opened.messages())
        .extracting(TicketView.Message::text)
        .containsExactly("Charged twice?");

    AttachmentView file = sav.attach(customer, opened.id(), "statement.png", SupportDesk.png(32));
    assertThat(file.status()).isEqualTo("AVAILABLE");
    AttachmentLink link = sav.attachment(customer, opened.id(), file.id());
    assertThat(link.url()).contains(file.id().toString()).doesNotContain("statement");

    Page<TicketSummary> mine = sav.tickets(customer, null, null, null, null, 10, 0);
    assertThat(mine.items()).extracting(TicketSummary::id).containsExactly(opened.id());

    TicketView read = sav.ticket(agent, opened.id());
    TicketView taken =
        sav.assign(
            agent,
            opened.id(),
            new AssigneeRequest(UUID.fromString(agentSession.userId()), read.version()));
    assertThat(taken.assigneeId()).isEqualTo(UUID.fromString(agentSession.userId()));
    assertThat(sav.prioritise(agent, opened.id(), new PriorityRequest("URGENT", null)).priority())
        .isEqualTo("URGENT");
    TicketView answered = sav.write(agent, opened.id(), new MessageRequest("Refunded."));
    assertThat(answered.status()).isEqualTo("WAITING_FOR_CUSTOMER");
    TicketView closed = sav.move(customer, opened.id(), new StatusRequest("CLOSED", null));
    assertThat(closed.status()).isEqualTo("CLOSED");

    Page<AgentView> agents = sav.agents(admin, null, 100, 0);
    assertThat(agents.total()).isPositive();
    assertThat(sav.availability(agent, new AvailabilityRequest(false)).available()).isFalse();

    assertThatThrownBy(() -> sav.move(agent, opened.id(), new StatusRequest("IN_PROGRESS", null)))
        .isInstanceOfSatisfying(
            ClientErrorException.class,
            e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
    assertThatThrownBy(
            () ->
                sav.open(
                    customer, new TicketRequest("Not mine", "order", "OC-0000000000", "Hello")))
        .isInstanceOfSatisfying(
            ClientErrorException.class,
            e -> assertThat(e.getResponse().getStatus()).isEqualTo(422));
    assertThatThrownBy(() -> sav.agents(customer, null, 10, 0))
        .isInstanceOfSatisfying(
            ClientErrorException.class,
            e -> assertThat(e.getResponse().getStatus()).isEqualTo(403));
  }
}
