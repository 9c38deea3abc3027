package io.opencommerce.products.api;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.products.application.Reservations;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.ReservationView;
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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Stock reservations for checkouts. {@code Idempotency-Key} makes a reservation safe to retry: the
 * same key (per caller) answers the first reservation again and holds nothing more. Callers see and
 * change only their own reservations; administrators all of them.
 */
@Path("reservations")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReservationResource {
  @Inject Reservations reservations;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  @POST
  public Response reserve(
      @HeaderParam("Idempotency-Key")
          @Pattern(
              regexp = "[A-Za-z0-9._:-]{1,100}",
              message = "must be 1-100 letters, digits or ._:-")
          String key,
      @NotNull(message = "A request body is required.") @Valid ReservationRequest request) {
    UUID owner = caller.id();
    if (key != null) {
      Optional<Reservation> earlier = reservations.byKey(owner, key);
      if (earlier.isPresent()) {
        return Response.ok(view(earlier.get())).build();
      }
    }
    Reservation reservation;
    try {
      reservation =
          reservations.reserve(
              owner,
              Reservations.merge(
                  request.lines().stream().map(ReservationRequest.Line::productId).toList(),
                  request.lines().stream().map(ReservationRequest.Line::quantity).toList()),
              request.reference(),
              key,
              request.holdSeconds() == null
                  ? Reservations.DEFAULT_HOLD
                  : Duration.ofSeconds(request.holdSeconds()));
    } catch (RuntimeException e) {
      // A concurrent request with the same key won: answer its reservation.
      Optional<Reservation> winner =
          key == null ? Optional.empty() : reservations.byKey(owner, key);
      if (winner.isPresent() && !(e instanceof ProblemException)) {
        return Response.ok(view(winner.get())).build();
      }
      throw e;
    }
    return Response.created(uri.getAbsolutePathBuilder().path(reservation.id().toString()).build())
        .entity(view(reservation))
        .build();
  }

  @GET
  @Path("{id}")
  public ReservationView get(@PathParam("id") UUID id) {
    return view(reservations.get(id, caller.id(), caller.isAdmin()));
  }

  @POST
  @Path("{id}/commit")
  public ReservationView commit(@PathParam("id") UUID id) {
    return view(reservations.commit(id, caller.id(), caller.isAdmin()));
  }

  @POST
  @Path("{id}/release")
  public ReservationView release(@PathParam("id") UUID id) {
    return view(reservations.release(id, caller.id(), caller.isAdmin()));
  }

  static ReservationView view(Reservation reservation) {
    return new ReservationView(
        reservation.id(),
        reservation.status().name(),
        reservation.reference(),
        reservation.lines().stream()
            .map(l -> new ReservationView.LineView(l.productId(), l.quantity()))
            .toList(),
        reservation.expiresAt());
  }
}
