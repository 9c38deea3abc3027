package io.opencommerce.products.api;

import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.products.application.Reservations;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.ReservationView;
import io.opencommerce.products.domain.Money;
import io.opencommerce.products.domain.Reservation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Stock reservations, for the platform's services only: a checkout holds units through the orders
 * service, never a customer directly (customers and agents get 403). A reservation belongs to the
 * service that made it (named in its service token): another service's token finds nothing (404).
 * {@code Idempotency-Key} makes a reservation safe to retry: the same key from the same service
 * answers the first reservation again and holds nothing more. Administrators may read and release
 * any reservation.
 */
@Path("reservations")
@RequestScoped
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReservationResource {
  /** A reservation, and whether this request made it (false: an earlier one with its key). */
  private record Held(Reservation reservation, boolean created) {}

  @Inject Reservations reservations;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.SERVICE)
  public Response reserve(
      @HeaderParam("Idempotency-Key")
          @Pattern(
              regexp = "[A-Za-z0-9._:-]{1,100}",
              message = "must be 1-100 letters, digits or ._:-")
          String key,
      @NotNull(message = "A request body is required.") @Valid ReservationRequest request) {
    String client = caller.service();
    if (key != null) {
      Optional<Reservation> earlier = reservations.byKey(client, key);
      if (earlier.isPresent()) {
        return Response.ok(view(earlier.get())).build();
      }
    }
    // A concurrent request with the same key that won the unique key is the answer.
    Held held =
        UniqueKeys.insertOrWinner(
            () ->
                new Held(
                    reservations.reserve(
                        client,
                        request.customerId(),
                        Reservations.merge(
                            request.lines().stream()
                                .map(ReservationRequest.Line::productId)
                                .toList(),
                            request.lines().stream()
                                .map(ReservationRequest.Line::quantity)
                                .toList()),
                        expectedPrices(request),
                        request.reference(),
                        key,
                        request.holdSeconds() == null
                            ? Reservations.DEFAULT_HOLD
                            : Duration.ofSeconds(request.holdSeconds())),
                    true),
            () ->
                key == null
                    ? Optional.empty()
                    : reservations.byKey(client, key).map(r -> new Held(r, false)));
    Reservation reservation = held.reservation();
    if (!held.created()) {
      return Response.ok(view(reservation)).build();
    }
    return Response.created(uri.getAbsolutePathBuilder().path(reservation.id().toString()).build())
        .entity(view(reservation))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
  public ReservationView get(@PathParam("id") UUID id) {
    return view(reservations.get(id, client()));
  }

  @POST
  @Path("{id}/commit")
  @RolesAllowed(Roles.SERVICE)
  public ReservationView commit(@PathParam("id") UUID id) {
    return view(reservations.commit(id, caller.service()));
  }

  @POST
  @Path("{id}/release")
  @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
  public ReservationView release(@PathParam("id") UUID id) {
    return view(reservations.release(id, client()));
  }

  /** The calling service, or null for an administrator (who may act on any reservation). */
  private String client() {
    return caller.isService() ? caller.service() : null;
  }

  /** The prices the lines expect, by product; a line names both price and currency, or neither. */
  private static Map<UUID, Money> expectedPrices(ReservationRequest request) {
    Map<UUID, Money> expected = new HashMap<>();
    for (ReservationRequest.Line line : request.lines()) {
      if ((line.unitPrice() == null) != (line.currency() == null)) {
        throw ProblemException.invalidBody(
            "lines." + line.productId(), "names a unit price and its currency, or neither");
      }
      if (line.unitPrice() != null) {
        expected.putIfAbsent(line.productId(), new Money(line.unitPrice(), line.currency()));
      }
    }
    return expected;
  }

  static ReservationView view(Reservation reservation) {
    return new ReservationView(
        reservation.id(),
        reservation.status().name(),
        reservation.customerId(),
        reservation.reference(),
        reservation.lines().stream()
            .map(
                l ->
                    new ReservationView.LineView(
                        l.productId(),
                        l.quantity(),
                        l.price().map(Money::amount).orElse(null),
                        l.price().map(Money::currency).orElse(null)))
            .toList(),
        reservation.expiresAt());
  }
}
