package io.opencommerce.it.newsletters;

import static io.opencommerce.it.newsletters.TransactionalMailIT.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.contracts.auth.UserRegistered;
import io.opencommerce.contracts.sav.TicketAnswered;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A support agent's reply on a customer's ticket ({@code TicketAnswered}, published by the support
 * service) reaches the customer by mail: once per reply whatever the redeliveries, quoting the
 * reply (escaped in HTML) and linking to the ticket's page of the shop ({@code
 * newsletters.links.ticket}, the local default).
 */
class TicketAnswerMailIT {
  /** {@code newsletters.links.ticket}'s default, with the ticket's id at the end. */
  private static final String TICKET_LINK = "https://localhost:9443/account/tickets/";

  @Test
  void aReplyIsMailedOnceQuotedWithTheTicketsLink() throws SQLException {
    Session customer = Platform.registerAndLogin("ticket-mail");
    // The welcome mail says the service knows the account (its read model of recipients).
    Mailbox.await(customer.email(), m -> m.subject().startsWith("Welcome"));

    UUID ticket = UUID.randomUUID();
    UUID message = UUID.randomUUID();
    String number = number(ticket);
    String subject = "Parcel " + number.substring(4) + " not here";
    String reply = "Hello <b>there</b> & \"friends\",\nit left this morning.";
    TicketAnswered answered =
        new TicketAnswered(
            ticket,
            number,
            UUID.fromString(customer.userId()),
            subject,
            message,
            "Camille",
            reply,
            Instant.now());
    // The same reply published twice, each time under a new event id (a producer's retry): the
    // inbox takes both, the mail's key on the reply keeps it to one.
    EventTap.publish(answered);
    EventTap.publish(answered);

    String expectedSubject = "Re: " + subject + " [" + number + "]";
    Mailbox.Mail mail = Mailbox.await(customer.email(), m -> m.subject().equals(expectedSubject));
    assertThat(mail.text())
        .contains("Hello IT ticket-mail,")
        .contains("Camille from our support team replied to your request " + number)
        .contains(reply)
        .contains(TICKET_LINK + ticket);
    assertThat(mail.link(TICKET_LINK)).isEqualTo(TICKET_LINK + ticket);
    assertThat(mail.html())
        .contains("Hello &lt;b&gt;there&lt;/b&gt; &amp; &quot;friends&quot;")
        .doesNotContain("<b>there</b>")
        .contains("href=\"" + TICKET_LINK + ticket + "\"");
    assertThat(mail.header("Auto-Submitted")).isEqualTo("auto-generated");
    assertThat(mail.header("List-Unsubscribe")).as("not a marketing mail").isNull();

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> Mailbox.count(customer.email(), m -> m.subject().equals(expectedSubject)) == 1);
    assertThat(
            ServiceDatabase.count(
                "newsletters",
                "SELECT COUNT(*) FROM outgoing_mails WHERE source_key = ? AND kind = ?",
                "ticket:" + ticket + ":reply:" + message,
                "TICKET_ANSWER"))
        .isEqualTo(1);

    // Another reply on the same ticket is another mail.
    EventTap.publish(
        new TicketAnswered(
            ticket,
            number,
            UUID.fromString(customer.userId()),
            subject,
            UUID.randomUUID(),
            null,
            "One more thing: it arrives tomorrow.",
            Instant.now()));
    Mailbox.await(
        customer.email(),
        m -> m.subject().equals(expectedSubject) && m.text().contains("it arrives tomorrow"));
    Mailbox.Mail second =
        Mailbox.of(customer.email()).stream()
            .filter(m -> m.text() != null && m.text().contains("it arrives tomorrow"))
            .findFirst()
            .orElseThrow();
    assertThat(second.text()).contains("Our support team replied to your request " + number);
    assertThat(Mailbox.count(customer.email(), m -> m.subject().equals(expectedSubject)))
        .isEqualTo(2);
  }

  @Test
  void aReplyToACustomerNotKnownYetIsMailedOnceTheirRegistrationArrives() {
    UUID customer = UUID.randomUUID();
    String email = Platform.newEmail("ticket-late");
    UUID ticket = UUID.randomUUID();
    String number = number(ticket);
    EventTap.publish(
        new TicketAnswered(
            ticket,
            number,
            customer,
            "Where is it?",
            UUID.randomUUID(),
            "Camille",
            "On its way.",
            Instant.now()));
    String admin = Platform.admin().accessToken();
    JsonObject waiting = awaitMail(admin, "kind=ticket-answer&status=FAILED", number);
    assertThat(waiting.getString("lastError")).isEqualTo("unknown recipient");

    EventTap.publish(new UserRegistered(customer, email, "Late Customer"));
    Mailbox.Mail mail =
        Mailbox.await(email, m -> m.subject().equals("Re: Where is it? [" + number + "]"));
    // Rendered when the reply arrived, before the name was known: the greeting has none.
    assertThat(mail.text()).contains("Hello,", "On its way.", TICKET_LINK + ticket);
  }

  /** A ticket number of the suite's own, in the support service's style. */
  private static String number(UUID ticket) {
    return "SAV-" + ticket.toString().substring(0, 8).toUpperCase();
  }
}
