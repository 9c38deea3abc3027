package io.opencommerce.products.client;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The catalog's REST API as a typed MicroProfile REST Client. Base URI: the service's API root,
 * e.g. {@code https://shop.example.com/products/api} (config key {@code products}).
 */
@RegisterRestClient(configKey = "products")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ProductsApi {

  @GET
  @Path("products")
  Page<ProductView> search(
      @QueryParam("q") String query,
      @QueryParam("category") String categorySlug,
      @QueryParam("minPrice") BigDecimal minPrice,
      @QueryParam("maxPrice") BigDecimal maxPrice,
      @QueryParam("sort") String sort,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  @GET
  @Path("products/{id}")
  ProductView product(@PathParam("id") UUID id);

  /**
   * Several products at once (up to 100), each with its units available now: what a basket or a
   * checkout needs in one call. Unknown and retired products are left out of the answer.
   */
  @GET
  @Path("products/lookup")
  List<ProductAvailability> lookup(@QueryParam("id") List<UUID> ids);

  @GET
  @Path("products/{id}/stock")
  StockView stock(@PathParam("id") UUID id);

  /** Sets the units on hand (administrators); 409 {@code below-reserved} under the held units. */
  @PUT
  @Path("products/{id}/stock")
  StockView setStock(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      StockRequest request);

  @POST
  @Path("products")
  Response create(@HeaderParam("Authorization") String authorization, ProductRequest request);

  @PUT
  @Path("products/{id}")
  ProductView replace(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      ProductRequest request);

  @DELETE
  @Path("products/{id}")
  Response retire(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /**
   * Holds units for a customer's checkout, all or nothing (a service token only: customers get
   * 403); the same {@code Idempotency-Key} from the same service answers the first reservation
   * again (200 instead of 201). 409 {@code insufficient-stock} when units are short, 409 {@code
   * prices-changed} when a line's expected price is no longer the catalogue's.
   */
  @POST
  @Path("reservations")
  ReservationView reserve(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      ReservationRequest request);

  /** A reservation the calling service made (administrators: any). */
  @GET
  @Path("reservations/{id}")
  ReservationView reservation(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Sells the held units (the service that made the reservation). */
  @POST
  @Path("reservations/{id}/commit")
  ReservationView commit(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /** Gives the held units back (the service that made the reservation, or an administrator). */
  @POST
  @Path("reservations/{id}/release")
  ReservationView release(
      @HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  @GET
  @Path("categories")
  List<CategoryView> categories();

  @POST
  @Path("categories")
  Response createCategory(
      @HeaderParam("Authorization") String authorization, CategoryRequest request);
}
