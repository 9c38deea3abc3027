package io.opencommerce.contacts.api;

import io.opencommerce.contacts.application.Inquiries;
import io.opencommerce.contacts.application.Inquiries.Filter;
import io.opencommerce.contacts.client.AnswerRequest;
import io.opencommerce.contacts.client.CloseRequest;
import io.opencommerce.contacts.client.ContactRequest;
import io.opencommerce.contacts.client.InquirySummary;
import io.opencommerce.contacts.client.InquiryView;
import io.opencommerce.contacts.domain.InquiryStatus;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.kit.web.RateLimited;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The contact form of the request's site, and the inquiries it brings in: anyone sends the form;
 * support agents work the inquiries in the support queue and administrators all of them (list,
 * read, answer, close). Customers and services get 403 on everything but the form.
 */
@Path("inquiries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InquiryResource {
  @Inject Inquiries inquiries;
  @Inject CurrentUser caller;

  /**
   * The contact form: 202 with the inquiry's reference once it is stored, routed and published
   * ({@code ContactReceived}). A form with the honeypot filled gets the same answer and is dropped.
   * Anyone may send it, so it is rate-limited per client address ({@code
   * platform.rate-limits.contact-form.per-address}, 5 a minute) and per sender's e-mail address
   * ({@code .per-account}, 10 an hour: every inquiry mails its sender an acknowledgement, and
   * nobody may flood a mailbox through the shop's form).
   */
  @POST
  @PermitAll
  @RateLimited(
      value = "contact-form",
      perAddress = "5/PT1M",
      perAccount = "10/PT1H",
      account = "body.email")
  public Response send(
      @NotNull(message = "A request body is required.") @Valid ContactRequest form) {
    return Response.accepted(inquiries.receive(form)).build();
  }

  /** Newest first, filtered by {@code status} and {@code topic}. */
  @GET
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public Page<InquirySummary> list(
      @QueryParam("status")
          @Pattern(
              regexp = InquirySummary.STATUSES,
              message = "must be one of NEW, ANSWERED, CLOSED")
          String status,
      @QueryParam("topic") @Pattern(regexp = ContactRequest.TOPIC, message = "is not a topic")
          String topic,
      @BeanParam @Valid PageRequest page) {
    Filter filter =
        new Filter(status == null ? null : InquiryStatus.valueOf(status), topic, !caller.isAdmin());
    return page.page(
        inquiries.page(filter, page.limit(), page.offset()).stream().map(Views::summary).toList(),
        inquiries.count(filter));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public InquiryView get(@PathParam("id") UUID id) {
    return Views.inquiry(inquiries.get(id, caller.isAdmin()));
  }

  /**
   * Answers the inquiry (published as {@code ContactAnswered}: the mailer sends the answer to the
   * sender); it becomes ANSWERED. 409 {@code illegal-transition} once it is closed.
   */
  @POST
  @Path("{id}/answers")
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public InquiryView answer(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid AnswerRequest body) {
    return Views.inquiry(inquiries.answer(id, caller.id(), caller.isAdmin(), body.text()));
  }

  /**
   * Closes the inquiry, answered or not; the body, {@code {"reason": ...}}, may leave the reason
   * out: {@code {}}. Closing a closed inquiry changes nothing.
   */
  @POST
  @Path("{id}/close")
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "jwt")
  public InquiryView close(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid CloseRequest body) {
    return Views.inquiry(inquiries.close(id, caller.id(), caller.isAdmin(), body.reason()));
  }
}
