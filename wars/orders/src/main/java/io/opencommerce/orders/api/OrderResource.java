package io.opencommerce.orders.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.Admission;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.orders.application.Cancellations;
import io.opencommerce.orders.application.Checkout;
import io.opencommerce.orders.application.Orders;
import io.opencommerce.orders.client.CancelRequest;
import io.opencommerce.orders.client.CheckoutRequest;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.orders.client.OrdersApi;
import io.opencommerce.orders.client.StatusChangeRequest;
import io.opencommerce.orders.domain.OrderStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Orders: checkout from the caller's basket, the caller's orders (support agents and administrators
 * see everyone's), cancellation, and administrators' status changes. Another customer's order is
 * answered 404, as if it did not exist.
 */
@Path("orders")
@RequestScoped
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
  private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
  private static final String STATUS = "PLACED|CONFIRMED|SHIPPED|DELIVERED|CANCELLED";

  @Inject Checkout checkout;
  @Inject Orders orders;
  @Inject Cancellations cancellations;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  /**
   * Checks the caller's basket out. At most {@code platform.limits.checkout.max-concurrent} (64)
   * run at once; past that, and a short wait, the answer is 503 {@code overloaded} with {@code
   * Retry-After} before anything is read or held.
   */
  @POST
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Admission("checkout")
  public Response checkout(
      @HeaderParam(OrdersApi.IDEMPOTENCY_KEY)
          @NotNull(message = "is required: send a new random key for each checkout")
          @Pattern(
              regexp = "[A-Za-z0-9._:-]{1,100}",
              message = "must be 1-100 letters, digits or ._:-")
          String key,
      @NotNull(message = "A request body is required.") @Valid CheckoutRequest body) {
    Checkout.Result result = checkout.checkout(caller.id(), key, body);
    OrderView view = OrderViews.of(result.order());
    return result.created()
        ? Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
            .entity(view)
            .build()
        : Response.ok(view).build();
  }

  @GET
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  public Page<OrderView> list(
      @QueryParam("status") @Pattern(regexp = STATUS, message = "must be one of " + STATUS)
          String status,
      @QueryParam("customerId") UUID customerId,
      @QueryParam("from") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)")
          String from,
      @QueryParam("to") @Pattern(regexp = DATE, message = "must be a date (YYYY-MM-DD)") String to,
      @Valid @BeanParam PageRequest page) {
    UUID customer = caller.listedCustomer(customerId, "orders");
    Instant since = from == null ? null : day("from", from);
    Instant until = to == null ? null : day("to", to).plusSeconds(24 * 3600);
    Orders.Found found =
        orders.list(
            new Orders.Filter(
                customer, status == null ? null : OrderStatus.valueOf(status), since, until),
            page.limit(),
            page.offset());
    return page.page(found.orders().stream().map(OrderViews::of).toList(), found.total());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  public OrderView get(@PathParam("id") UUID id) {
    return OrderViews.of(orders.get(id, caller.id(), caller.seesAllCustomers()));
  }

  /** The body, {@code {"reason": ...}}, may leave the reason out: {@code {}}. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public OrderView cancel(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid CancelRequest body) {
    return OrderViews.of(cancellations.cancel(id, caller.id(), caller.isAdmin(), body.reason()));
  }

  @POST
  @Path("{id}/status")
  @RolesAllowed(Roles.ADMIN)
  public OrderView changeStatus(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid StatusChangeRequest body) {
    OrderStatus next = OrderStatus.valueOf(body.status());
    return OrderViews.of(
        next == OrderStatus.CANCELLED
            ? cancellations.cancel(id, caller.id(), true, body.reason())
            : orders.changeStatus(id, caller.id(), next, body.reason()));
  }

  private static Instant day(String name, String value) {
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidQuery(name, "is not a calendar date");
    }
  }
}
