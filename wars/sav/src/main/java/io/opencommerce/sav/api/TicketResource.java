package io.opencommerce.sav.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.sav.application.Assignments;
import io.opencommerce.sav.application.Tickets;
import io.opencommerce.sav.application.Tickets.Caller;
import io.opencommerce.sav.application.Tickets.Filter;
import io.opencommerce.sav.application.Tickets.Opening;
import io.opencommerce.sav.client.AssigneeRequest;
import io.opencommerce.sav.client.MessageRequest;
import io.opencommerce.sav.client.PriorityRequest;
import io.opencommerce.sav.client.StatusRequest;
import io.opencommerce.sav.client.TicketRequest;
import io.opencommerce.sav.client.TicketSummary;
import io.opencommerce.sav.client.TicketView;
import io.opencommerce.sav.domain.Category;
import io.opencommerce.sav.domain.Priority;
import io.opencommerce.sav.domain.Ticket;
import io.opencommerce.sav.domain.TicketStatus;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Support tickets. Customers open tickets and follow their own (another customer's answers 404, as
 * an id that does not exist); agents and administrators see every ticket of the site, work the
 * queue, reply, move, prioritise and assign.
 */
@Path("tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class TicketResource {
  static final String UUID_TEXT =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  @Inject Tickets tickets;
  @Inject Assignments assignments;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  /**
   * Opens a ticket (201, {@code Location}): its priority follows from its category; it is assigned
   * to the least-loaded available agent or waits in the queue. 422 {@code unknown-order} when the
   * order number is not one of the caller's orders (nothing is stored).
   */
  @POST
  @RolesAllowed(Roles.CUSTOMER)
  public Response open(
      @NotNull(message = "A request body is required.") @Valid TicketRequest body) {
    Ticket ticket =
        tickets.open(
            caller.id(),
            caller.email(),
            new Opening(
                body.subject(),
                Category.ofCode(body.category()).orElseThrow(),
                body.orderNumber(),
                body.message()));
    return Response.created(uri.getAbsolutePathBuilder().path(ticket.id().toString()).build())
        .entity(view(ticket))
        .build();
  }

  /**
   * Tickets of the site, newest first, paged with their total. A customer gets their own (naming
   * another customer is 403); staff get everyone's, filtered by {@code status}, {@code assigneeId},
   * {@code unassigned=true} (the queue), {@code breached=true} (past a deadline) and {@code
   * customerId}. The staff filters are 403 for customers. Anyone may ask for {@code open=true}: the
   * tickets not yet resolved or closed.
   */
  @GET
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  public Page<TicketSummary> list(
      @QueryParam("status")
          @Pattern(regexp = StatusRequest.STATUSES, message = StatusRequest.STATUS_MESSAGE)
          String status,
      @QueryParam("assigneeId") @Pattern(regexp = UUID_TEXT, message = "must be a UUID")
          String assigneeId,
      @QueryParam("unassigned") @Pattern(regexp = "true|false", message = "must be true or false")
          String unassigned,
      @QueryParam("breached") @Pattern(regexp = "true|false", message = "must be true or false")
          String breached,
      @QueryParam("customerId") @Pattern(regexp = UUID_TEXT, message = "must be a UUID")
          String customerId,
      @QueryParam("open") @Pattern(regexp = "true|false", message = "must be true or false")
          String open,
      @BeanParam @Valid PageRequest page) {
    boolean staff = caller.seesAllCustomers();
    if (!staff && (assigneeId != null || unassigned != null || breached != null)) {
      throw ProblemException.forbidden("Only support staff filter by agent, queue or deadline.");
    }
    Filter filter =
        new Filter(
            caller.listedCustomer(
                customerId == null ? null : UUID.fromString(customerId), "tickets"),
            status == null ? null : TicketStatus.valueOf(status),
            assigneeId == null ? null : UUID.fromString(assigneeId),
            "true".equals(unassigned),
            "true".equals(breached),
            "true".equals(open));
    return page.page(
        tickets.page(filter, page.limit(), page.offset()).stream().map(Views::summary).toList(),
        tickets.count(filter));
  }

  /** One ticket with its conversation, attachments and history. */
  @GET
  @Path("{id}")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  public TicketView get(@PathParam("id") UUID id) {
    return view(tickets.get(id, who()));
  }

  /**
   * Adds a message: a staff reply (published as {@code TicketAnswered}) or the customer's own. 409
   * {@code ticket-closed}, {@code ticket-unassigned} (staff: take the ticket first), {@code
   * reopen-period-over}.
   */
  @POST
  @Path("{id}/messages")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  public TicketView write(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid MessageRequest body) {
    return view(tickets.write(id, who(), body.text()));
  }

  /**
   * Moves the ticket along its status machine (customers: close, or reopen a resolved ticket; 403
   * for anything else). 409 {@code illegal-transition}, {@code reopen-period-over}.
   */
  @POST
  @Path("{id}/status")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  public TicketView move(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid StatusRequest body) {
    return view(tickets.move(id, who(), TicketStatus.valueOf(body.status()), body.reason()));
  }

  /** Sets the priority; the deadlines follow (counted from the opening). */
  @PUT
  @Path("{id}/priority")
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  public TicketView prioritise(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid PriorityRequest body) {
    return view(tickets.prioritise(id, who(), Priority.valueOf(body.priority()), body.reason()));
  }

  /**
   * Gives the ticket to an agent (an agent naming themselves takes it). 409 {@code ticket-changed}
   * when another assignment came first (or the ticket moved since {@code version}); 422 {@code
   * unknown-agent}; 409 {@code illegal-transition} for a resolved or closed ticket.
   */
  @PUT
  @Path("{id}/assignee")
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  public TicketView assign(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid AssigneeRequest body) {
    return view(assignments.assign(id, body.agentId(), body.version(), caller.id()));
  }

  private Caller who() {
    return new Caller(caller.id(), caller.seesAllCustomers());
  }

  private TicketView view(Ticket ticket) {
    return Views.ticket(ticket, tickets.messages(ticket.id()), tickets.attachments(ticket.id()));
  }
}
