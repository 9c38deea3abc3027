package io.opencommerce.newsletters.client;

import io.opencommerce.contracts.api.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The newsletters REST API as a typed MicroProfile REST Client (config key {@code newsletters}).
 * The service writes its transactional mails from other services' events; this API is for
 * administrators (the mail queue, templates, campaigns) and for subscribers.
 */
@RegisterRestClient(configKey = "newsletters")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface NewslettersApi {
  /** The mail queue of the site, newest first (administrators); every filter is optional. */
  @GET
  @Path("mails")
  Page<MailSummary> mails(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("kind") String kind,
      @QueryParam("recipient") String recipient,
      @QueryParam("campaignId") UUID campaignId,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** One mail (administrators). */
  @GET
  @Path("mails/{id}")
  MailView mail(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /**
   * Queues a failed mail again with fresh attempts (administrators); 409 {@code mail-not-failed},
   * {@code mail-not-resendable} (no recipient, or a secret's content discarded).
   */
  @POST
  @Path("mails/{id}/resend")
  MailView resend(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Saves a new template version (administrators); 400 naming the part that does not render. */
  @POST
  @Path("templates")
  TemplateView createTemplate(
      @HeaderParam("Authorization") String authorization, TemplateRequest request);

  /** The site's template versions, newest first (administrators). */
  @GET
  @Path("templates")
  Page<TemplateView> templates(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("kind") String kind,
      @QueryParam("language") String language,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** One version with its content (administrators). */
  @GET
  @Path("templates/{id}")
  TemplateView template(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** The version rendered with its kind's sample data (administrators). */
  @POST
  @Path("templates/{id}/preview")
  RenderedView preview(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Makes the version render the site's new mails of its kind and language (administrators). */
  @POST
  @Path("templates/{id}/activation")
  TemplateView activate(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);
}
