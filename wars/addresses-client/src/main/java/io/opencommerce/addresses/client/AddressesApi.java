package io.opencommerce.addresses.client;

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
 * The address books' REST API as a typed MicroProfile REST Client (config key {@code addresses}).
 * Calls carry the customer's bearer token: a customer sees only their own book.
 */
@RegisterRestClient(configKey = "addresses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AddressesApi {

  @GET
  @Path("addresses")
  Page<AddressView> list(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** The caller's default shipping and billing addresses and the book's size. */
  @GET
  @Path("addresses/defaults")
  AddressDefaults defaults(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("addresses/{id}")
  AddressView get(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  @POST
  @Path("addresses")
  Response create(@HeaderParam("Authorization") String authorization, AddressRequest request);

  @PUT
  @Path("addresses/{id}")
  AddressView replace(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      AddressRequest request);

  @DELETE
  @Path("addresses/{id}")
  Response delete(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  @GET
  @Path("countries")
  List<CountryView> countries();
}
