package io.opencommerce.newsletters.client;

import io.opencommerce.contracts.api.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * administrators (the mail queue, templates, subscribers, campaigns), for shops (the subscription
 * form, the pages subscribers' links lead to) and for customers (their own subscription).
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

  /**
   * Asks for the site's newsletter at an address (anyone; 202 whatever the address's state): a
   * confirmation link is mailed to it. 429 {@code rate-limited} past the limits per client address
   * and per address asked for.
   */
  @POST
  @Path("subscriptions")
  SubscriptionReceipt subscribe(SubscriptionRequest request);

  /**
   * Follows a confirmation link's token (anyone): the subscription is confirmed; again changes
   * nothing. 400 {@code invalid-link}, 404 once expired, 409 {@code confirmation-outdated}.
   */
  @GET
  @Path("subscriptions/confirmation")
  SubscriptionState confirm(@QueryParam("token") String token);

  /** What an unsubscribe link's token shows (anyone); nothing changes. */
  @GET
  @Path("subscriptions/unsubscription")
  SubscriptionState unsubscription(@QueryParam("token") String token);

  /**
   * The one-click unsubscribe (anyone; {@code oneClick} is {@code One-Click}, RFC 8058): the
   * subscriber leaves and their queued newsletters are cancelled.
   */
  @POST
  @Path("subscriptions/unsubscription")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  SubscriptionState unsubscribe(
      @QueryParam("token") String token, @FormParam("List-Unsubscribe") String oneClick);

  /** The signed-in customer's own subscription on the site; 404 without one. */
  @GET
  @Path("subscriptions/me")
  SubscriptionView ownSubscription(@HeaderParam("Authorization") String authorization);

  /**
   * Subscribes the signed-in customer's address (double opt-in: a link is mailed), or changes the
   * language of their confirmed subscription. 409 {@code account-unknown} for a moment after they
   * registered.
   */
  @PUT
  @Path("subscriptions/me")
  SubscriptionView subscribeOwn(
      @HeaderParam("Authorization") String authorization, OwnSubscriptionRequest request);

  /** The signed-in customer leaves the site's newsletter. */
  @DELETE
  @Path("subscriptions/me")
  void unsubscribeOwn(@HeaderParam("Authorization") String authorization);

  /**
   * The site's subscribers, newest first (administrators); unsubscribed ones only with {@code
   * status=UNSUBSCRIBED}.
   */
  @GET
  @Path("subscriptions")
  Page<SubscriptionView> subscriptions(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("language") String language,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** The same subscribers as CSV with a header row (administrators). */
  @GET
  @Path("subscriptions/export")
  @Produces("text/csv")
  String exportSubscriptions(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("language") String language);

  /** Writes a draft campaign (administrators); 400 naming what is not right. */
  @POST
  @Path("campaigns")
  CampaignView createCampaign(
      @HeaderParam("Authorization") String authorization, CampaignRequest request);

  /** The site's campaigns, newest first, with their progress (administrators). */
  @GET
  @Path("campaigns")
  Page<CampaignView> campaigns(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** One campaign with its own template and its progress (administrators). */
  @GET
  @Path("campaigns/{id}")
  CampaignView campaign(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Schedules (or moves) a campaign (administrators); 409 {@code illegal-transition}. */
  @POST
  @Path("campaigns/{id}/schedule")
  CampaignView scheduleCampaign(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      CampaignSchedule schedule);

  /** Cancels a draft or scheduled campaign (administrators); 409 once it has started. */
  @POST
  @Path("campaigns/{id}/cancel")
  CampaignView cancelCampaign(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);
}
