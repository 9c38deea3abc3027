package io.opencommerce.newsletters.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.newsletters.application.MailQueue;
import io.opencommerce.newsletters.client.MailSummary;
import io.opencommerce.newsletters.client.MailView;
import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.MailStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The mail queue of the current site, for administrators: what went out, what waits, what failed
 * and why, and a failed mail queued again once its cause is fixed. Mails hold customers' addresses
 * and what they bought: support agents and customers get 403.
 */
@Path("mails")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {
  @Inject MailQueue queue;

  @GET
  public Page<MailSummary> list(
      @QueryParam("status")
          @Pattern(
              regexp = "QUEUED|SENT|FAILED|CANCELLED",
              message = "must be one of QUEUED, SENT, FAILED, CANCELLED")
          String status,
      @QueryParam("kind") @Pattern(regexp = MailKind.CODES, message = "is not a kind of mail")
          String kind,
      @QueryParam("recipient") @Size(max = 254, message = "must be at most 254 characters")
          String recipient,
      @QueryParam("campaignId") UUID campaignId,
      @BeanParam @Valid PageRequest page) {
    MailQueue.Filter filter =
        new MailQueue.Filter(
            status == null ? null : MailStatus.valueOf(status),
            kind == null ? null : MailKind.byCode(kind).orElseThrow(),
            recipient == null || recipient.isBlank() ? null : recipient.strip(),
            campaignId);
    return page.page(
        queue.page(filter, page.limit(), page.offset()).stream().map(Views::summary).toList(),
        queue.count(filter));
  }

  @GET
  @Path("{id}")
  public MailView get(@PathParam("id") UUID id) {
    return Views.mail(queue.get(id));
  }

  /** 409 {@code mail-not-failed} or {@code mail-not-resendable}. */
  @POST
  @Path("{id}/resend")
  public MailView resend(@PathParam("id") UUID id) {
    return Views.mail(queue.resend(id));
  }
}
