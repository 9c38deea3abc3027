package io.opencommerce.addresses.api;

import io.opencommerce.addresses.application.AddressBooks;
import io.opencommerce.addresses.client.AddressDefaults;
import io.opencommerce.addresses.client.AddressRequest;
import io.opencommerce.addresses.client.AddressView;
import io.opencommerce.addresses.domain.Address;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * A customer's address book. Customers see and change only their own addresses (another's answer
 * 404); administrators any, and list anyone's with {@code ?ownerId=}.
 */
@Path("addresses")
@RequestScoped
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AddressResource {
  @Inject AddressBooks books;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  @GET
  public Page<AddressView> list(
      @QueryParam("ownerId") UUID ownerId, @BeanParam @Valid PageRequest page) {
    UUID owner = owner(ownerId);
    return page.page(
        books.page(owner, page.limit(), page.offset()).stream().map(AddressResource::view).toList(),
        books.count(owner));
  }

  /**
   * The book's default shipping and billing addresses (left out where none is marked) and its size,
   * however long the book: the caller's own, or with {@code ?ownerId=} (administrators) anyone's.
   */
  @GET
  @Path("defaults")
  public AddressDefaults defaults(@QueryParam("ownerId") UUID ownerId) {
    UUID owner = owner(ownerId);
    AddressView shipping = null;
    AddressView billing = null;
    for (Address address : books.defaults(owner)) {
      if (address.isDefaultShipping()) {
        shipping = view(address);
      }
      if (address.isDefaultBilling()) {
        billing = view(address);
      }
    }
    return new AddressDefaults(shipping, billing, books.count(owner));
  }

  /** Whose book: the caller's, or another's for an administrator (403 for anyone else). */
  private UUID owner(UUID ownerId) {
    UUID owner = ownerId == null ? caller.id() : ownerId;
    if (!owner.equals(caller.id()) && !caller.isAdmin()) {
      throw ProblemException.forbidden("Only administrators list other customers' addresses.");
    }
    return owner;
  }

  @POST
  public Response create(
      @NotNull(message = "A request body is required.") @Valid AddressRequest request) {
    Address address = books.create(caller.id(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(address.id().toString()).build())
        .entity(view(address))
        .build();
  }

  @GET
  @Path("{id}")
  public AddressView get(@PathParam("id") UUID id) {
    return view(books.get(id, caller.id(), caller.isAdmin()));
  }

  @PUT
  @Path("{id}")
  public AddressView replace(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid AddressRequest request) {
    return view(books.replace(id, caller.id(), caller.isAdmin(), request));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") UUID id) {
    books.delete(id, caller.id(), caller.isAdmin());
    return Response.noContent().build();
  }

  static AddressView view(Address a) {
    return new AddressView(
        a.id(),
        a.ownerId(),
        a.label(),
        a.recipient(),
        a.company(),
        a.line1(),
        a.line2(),
        a.postalCode(),
        a.city(),
        a.region(),
        a.country(),
        a.phone(),
        a.isDefaultBilling(),
        a.isDefaultShipping(),
        a.version(),
        a.updatedAt());
  }
}
