package io.opencommerce.contacts.client;

import io.opencommerce.contracts.api.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The contacts REST API as a typed MicroProfile REST Client (config key {@code contacts}). Anyone
 * sends the contact form and reads its topics; support agents and administrators work the
 * inquiries; administrators set where each topic goes.
 */
@RegisterRestClient(configKey = "contacts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ContactsApi {

  /**
   * Sends the contact form (202). 400 naming each invalid field; 429 {@code rate-limited} with
   * {@code Retry-After} past the limits per client address and per e-mail address.
   */
  @POST
  @Path("inquiries")
  ContactReceipt send(ContactRequest request);

  /** The topics the site's contact form offers, in the order to show them. */
  @GET
  @Path("topics")
  List<TopicView> topics();

  /**
   * Inquiries of the site, newest first, filtered by {@code status} (NEW, ANSWERED, CLOSED) and
   * {@code topic}: support agents see the support queue's, administrators all of them.
   */
  @GET
  @Path("inquiries")
  Page<InquirySummary> inquiries(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("topic") String topic,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  @GET
  @Path("inquiries/{id}")
  InquiryView inquiry(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Answers an inquiry (mailed to its sender); 409 {@code illegal-transition} once closed. */
  @POST
  @Path("inquiries/{id}/answers")
  InquiryView answer(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      AnswerRequest request);

  /** Closes an inquiry; closing a closed one changes nothing. */
  @POST
  @Path("inquiries/{id}/close")
  InquiryView closeInquiry(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      CloseRequest request);

  @GET
  @Path("routing-rules")
  Page<RoutingRuleView> routingRules(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** Adds a rule (201, {@code Location}); 409 {@code topic-taken}. */
  @POST
  @Path("routing-rules")
  Response createRoutingRule(
      @HeaderParam("Authorization") String authorization, RoutingRuleRequest request);

  @GET
  @Path("routing-rules/{id}")
  RoutingRuleView routingRule(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Replaces a rule; 409 {@code topic-taken} when another rule has the new topic. */
  @PUT
  @Path("routing-rules/{id}")
  RoutingRuleView replaceRoutingRule(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      RoutingRuleRequest request);

  @DELETE
  @Path("routing-rules/{id}")
  Response deleteRoutingRule(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);
}
