package io.opencommerce.it.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contacts.client.AnswerRequest;
import io.opencommerce.contacts.client.CloseRequest;
import io.opencommerce.contacts.client.ContactReceipt;
import io.opencommerce.contacts.client.ContactRequest;
import io.opencommerce.contacts.client.ContactsApi;
import io.opencommerce.contacts.client.InquirySummary;
import io.opencommerce.contacts.client.InquiryView;
import io.opencommerce.contacts.client.RoutingRuleRequest;
import io.opencommerce.contacts.client.RoutingRuleView;
import io.opencommerce.contacts.client.TopicView;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RestClientBuilder;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The contact form through the published client jar only, as a shop front or the demo shop drives
 * it ({@code ContactsApi}, on the default site): a routing rule, the form's topics, a form sent,
 * answered and closed, the rule deleted again so the default site's form keeps only its own topics;
 * refusals arrive as JAX-RS exceptions.
 */
@MicroShedTest
public class ContactsClientIT {

  @Test
  void aContactFormThroughTheClientJar() {
    ContactsApi contacts =
        new RestClientBuilder()
            .withAppContextRoot(Platform.BASE + "/contacts")
            .withJaxrsPath("/api")
            .build(ContactsApi.class);
    String admin = "Bearer " + Platform.admin().accessToken();
    String topic = "it-" + UUID.randomUUID().toString().substring(0, 8);

    Response created =
        contacts.createRoutingRule(
            admin, new RoutingRuleRequest(topic, "Client jar", null, true, false, 1000));
    assertThat(created.getStatus()).isEqualTo(201);
    UUID rule = UUID.fromString(created.getLocation().getPath().replaceAll(".*/", ""));
    try {
      RoutingRuleView view = contacts.routingRule(admin, rule);
      assertThat(view.topic()).isEqualTo(topic);
      assertThat(view.supportQueue()).isTrue();
      assertThat(contacts.topics()).contains(new TopicView(topic, "Client jar"));
      // A method that answers a Response hands refusals back as they are.
      assertThat(
              contacts
                  .createRoutingRule(
                      admin, new RoutingRuleRequest(topic, null, null, true, null, null))
                  .getStatus())
          .isEqualTo(409);

      String email = Platform.newEmail("client-contact");
      // The form itself goes through the client jar's record over plain HTTP: the test client
      // (CXF under MicroShed Testing) drops the first byte of a 202 answer's body.
      Platform.Reply sent =
          Platform.post(
              Platform.BASE + "/contacts/api/inquiries",
              Bodies.json(
                  new ContactRequest(
                      "Client Sender", email, topic, "Sent through ContactsApi", "en", null)),
              null);
      assertThat(sent.status()).as(sent.body()).isEqualTo(202);
      ContactReceipt receipt = Bodies.read(sent.body(), ContactReceipt.class);
      assertThat(receipt.id()).isNotNull();
      assertThat(receipt.receivedAt()).isNotNull();

      Page<InquirySummary> listed = contacts.inquiries(admin, "NEW", topic, 10, 0);
      assertThat(listed.items()).extracting(InquirySummary::id).containsExactly(receipt.id());
      InquiryView answered =
          contacts.answer(admin, receipt.id(), new AnswerRequest("Answered by the client jar."));
      assertThat(answered.status()).isEqualTo("ANSWERED");
      InquiryView closed = contacts.closeInquiry(admin, receipt.id(), new CloseRequest(null));
      assertThat(closed.status()).isEqualTo("CLOSED");
      assertThat(closed.history())
          .extracting(InquiryView.Step::to)
          .containsExactly("NEW", "ANSWERED", "CLOSED");
      assertThat(contacts.inquiry(admin, receipt.id()).email()).isEqualTo(email);

      assertThatThrownBy(() -> contacts.answer(admin, receipt.id(), new AnswerRequest("Too late.")))
          .isInstanceOfSatisfying(
              ClientErrorException.class,
              e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
      assertThatThrownBy(
              () ->
                  contacts.send(
                      new ContactRequest("Client Sender", "nope", topic, "Hi", null, null)))
          .isInstanceOfSatisfying(
              ClientErrorException.class,
              e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
    } finally {
      assertThat(contacts.deleteRoutingRule(admin, rule).getStatus()).isEqualTo(204);
    }
    assertThat(contacts.topics()).extracting(TopicView::topic).doesNotContain(topic);
  }
}
