package io.opencommerce.sav.client;

import io.opencommerce.contracts.api.Page;
import jakarta.ws.rs.Consumes;
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
 * The sav (support tickets) REST API as a typed MicroProfile REST Client (config key {@code sav}).
 * Customers open tickets, write on their own and attach files; agents and administrators work the
 * queue: they take, assign, answer, move and prioritise tickets; agents say whether they take new
 * ones; administrators list the agents with their load.
 */
@RegisterRestClient(configKey = "sav")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SavApi {

  /**
   * Opens a ticket (201): assigned at once to the least-loaded available agent, or queued. 422
   * {@code unknown-order} when {@code orderNumber} is not one of the caller's orders.
   */
  @POST
  @Path("tickets")
  TicketView open(@HeaderParam("Authorization") String authorization, TicketRequest request);

  /**
   * Tickets, newest first: a customer's own; for staff every customer's, filtered by {@code
   * status}, {@code assigneeId}, {@code unassigned=true} (the queue) and {@code breached=true}.
   */
  @GET
  @Path("tickets")
  Page<TicketSummary> tickets(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("status") String status,
      @QueryParam("assigneeId") UUID assigneeId,
      @QueryParam("unassigned") Boolean unassigned,
      @QueryParam("breached") Boolean breached,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /**
   * Tickets, newest first, with their total: with {@code open} true those not yet resolved or
   * closed, false the others too; a customer's own, for staff every customer's.
   */
  @GET
  @Path("tickets")
  Page<TicketSummary> tickets(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("open") Boolean open,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** The tickets not yet resolved or closed ({@code open=true}), newest first. */
  default Page<TicketSummary> openTickets(String authorization, Integer limit, Integer offset) {
    return tickets(authorization, Boolean.TRUE, limit, offset);
  }

  @GET
  @Path("tickets/{id}")
  TicketView ticket(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Adds a message (a staff reply is published as {@code TicketAnswered}). */
  @POST
  @Path("tickets/{id}/messages")
  TicketView write(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      MessageRequest request);

  /** Moves the ticket along its status machine; 409 {@code illegal-transition}. */
  @POST
  @Path("tickets/{id}/status")
  TicketView move(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      StatusRequest request);

  @PUT
  @Path("tickets/{id}/priority")
  TicketView prioritise(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      PriorityRequest request);

  /** Gives the ticket to an agent; 409 {@code ticket-changed} when it changed meanwhile. */
  @PUT
  @Path("tickets/{id}/assignee")
  TicketView assign(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      AssigneeRequest request);

  /**
   * Attaches a file, sent as the raw body (201): PNG, JPEG, GIF, WebP or PDF by its signature; 415
   * for anything else, 413 past the caps per file and per ticket.
   */
  @POST
  @Path("tickets/{id}/attachments")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  AttachmentView attach(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      @QueryParam("name") String name,
      byte[] content);

  /** A short-lived download URL; 409 {@code attachment-not-available} while it is scanned. */
  @GET
  @Path("tickets/{id}/attachments/{attachmentId}")
  AttachmentLink attachment(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      @PathParam("attachmentId") UUID attachmentId);

  /** The agents with their load (administrators). */
  @GET
  @Path("agents")
  Page<AgentView> agents(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("available") Boolean available,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** The calling agent takes new tickets, or stops taking them. */
  @PUT
  @Path("agents/me/availability")
  AgentView availability(
      @HeaderParam("Authorization") String authorization, AvailabilityRequest request);
}
