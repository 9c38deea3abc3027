package io.opencommerce.products.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.products.application.Catalog;
import io.opencommerce.products.application.ProductCache;
import io.opencommerce.products.application.ProductListCache;
import io.opencommerce.products.application.ProductSearch;
import io.opencommerce.products.application.ProductSearch.Criteria;
import io.opencommerce.products.application.StockLedger;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.products.client.ProductRequest;
import io.opencommerce.products.client.ProductView;
import io.opencommerce.products.domain.Product;
import io.opencommerce.products.domain.ProductSort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The catalog: anyone browses and searches it; administrators create, replace and retire products.
 * Product reads and list pages are served from Redis as the bytes first serialized, and carry an
 * {@code ETag} (a product's version, a page's body hash), so {@code If-None-Match} answers 304
 * without a body.
 */
@Path("products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {
  /** The highest price a product can have (13 digits and 2 decimals), so a filter's bound. */
  static final String MAX_PRICE = "9999999999999.99";

  private static final Jsonb JSONB = JsonbBuilder.create();

  /**
   * What {@code new CacheControl()} with {@code max-age=0} writes, as a constant: no object and no
   * header conversion per request.
   */
  private static final String REVALIDATE = "no-transform, max-age=0";

  @Inject Catalog catalog;
  @Inject StockLedger stock;
  @Inject ProductSearch search;
  @Inject ProductCache cache;
  @Inject ProductListCache lists;
  @Inject CurrentRequest request;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  /**
   * A page of the catalog. Validated first (a bad parameter is a 400 whatever is cached), then
   * served from Redis when the same query was answered since the catalog last changed: see {@link
   * ProductListCache} for what is cached and for how long.
   */
  @GET
  @PermitAll
  public Response list(
      @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String text,
      @QueryParam("category") @Size(max = 64, message = "must be at most 64 characters")
          String category,
      @QueryParam("minPrice")
          @DecimalMin(value = "0", message = "must not be negative")
          @DecimalMax(value = MAX_PRICE, message = "must be at most " + MAX_PRICE)
          BigDecimal minPrice,
      @QueryParam("maxPrice")
          @DecimalMin(value = "0", message = "must not be negative")
          @DecimalMax(value = MAX_PRICE, message = "must be at most " + MAX_PRICE)
          BigDecimal maxPrice,
      @QueryParam("inStock") @DefaultValue("false") boolean inStock,
      @QueryParam("sort") @DefaultValue("name") String sort,
      @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired,
      @BeanParam @Valid PageRequest page,
      @Context Request conditional) {
    ProductSort order =
        ProductSort.parse(sort)
            .orElseThrow(
                () ->
                    ProblemException.invalidQuery(
                        "sort", "must be one of name, -name, price, -price, newest"));
    if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
      throw ProblemException.invalidQuery("minPrice", "must not be above maxPrice");
    }
    if (includeRetired && !caller.isAdmin()) {
      throw ProblemException.forbidden("Only administrators see retired products.");
    }
    Criteria criteria =
        new Criteria(
            text == null || text.isBlank() ? null : text.strip(),
            category,
            minPrice,
            maxPrice,
            inStock,
            includeRetired,
            order);
    ProductCache.Entry found =
        lists.caches(criteria)
            ? lists.get(
                request.site(),
                criteria,
                page.limit(),
                page.offset(),
                () -> listing(criteria, page))
            : listing(criteria, page);
    return answer(found, conditional);
  }

  private ProductCache.Entry listing(Criteria criteria, PageRequest page) {
    ProductSearch.Result found = search.search(criteria, page.limit(), page.offset());
    Page<ProductView> listed =
        page.page(found.products().stream().map(Views::product).toList(), found.total());
    return ProductListCache.entry(json(listed));
  }

  /**
   * Several active products at once, each with its units available now: one call for a basket or a
   * checkout instead of two per line. Unknown and retired products are left out; {@code id} is
   * repeated, 1 to 100 times.
   */
  @GET
  @Path("lookup")
  @PermitAll
  public List<ProductAvailability> lookup(
      @QueryParam("id")
          @NotEmpty(message = "must name at least one product")
          @Size(max = 100, message = "must name at most 100 products")
          List<UUID> ids) {
    Set<UUID> wanted = new LinkedHashSet<>(ids);
    Map<UUID, Integer> available = stock.available(wanted);
    return catalog.active(wanted).stream()
        .map(p -> new ProductAvailability(Views.product(p), available.get(p.id())))
        .toList();
  }

  @GET
  @Path("{id}")
  @PermitAll
  public Response get(@PathParam("id") UUID id, @Context Request conditional) {
    ProductCache.Entry entry =
        caller.isAdmin()
            ? entry(catalog.get(id, true))
            : cache.get(request.site(), id, () -> entry(catalog.get(id, false)));
    return answer(entry, conditional);
  }

  /**
   * A cached or freshly serialized read: its bytes as they are (no JSON-B, no String) with its
   * entity tag, or 304 when {@code If-None-Match} names that tag. Clients revalidate every time.
   */
  private static Response answer(ProductCache.Entry entry, Request conditional) {
    EntityTag tag = new EntityTag(entry.etag());
    Response.ResponseBuilder unchanged = conditional.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.tag(tag).header(HttpHeaders.CACHE_CONTROL, REVALIDATE).build();
    }
    return Response.ok(entry.json(), MediaType.APPLICATION_JSON_TYPE)
        .tag(tag)
        .header(HttpHeaders.CACHE_CONTROL, REVALIDATE)
        .build();
  }

  private static ProductCache.Entry entry(Product product) {
    return new ProductCache.Entry(etag(product), json(Views.product(product)));
  }

  /** UTF-8 JSON straight into bytes, as JAX-RS would have written it. */
  private static byte[] json(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    JSONB.toJson(value, out);
    return out.toByteArray();
  }

  /** A product's entity tag: its id and version, so it changes with every change. */
  private static String etag(Product product) {
    return product.id() + "-" + product.version();
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Response create(
      @NotNull(message = "A request body is required.") @Valid ProductRequest request) {
    Product product = catalog.create(request);
    return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
        .entity(Views.product(product))
        .tag(new EntityTag(etag(product)))
        .build();
  }

  /** Replaces a product; {@code If-Match: "<id>-<version>"} makes it conditional (412). */
  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Response replace(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull(message = "A request body is required.") @Valid ProductRequest request) {
    Product product = catalog.replace(id, request, expectedVersion(id, ifMatch));
    return Response.ok(Views.product(product)).tag(new EntityTag(etag(product))).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Response retire(@PathParam("id") UUID id) {
    catalog.retire(id);
    return Response.noContent().build();
  }

  private static Long expectedVersion(UUID id, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip().replace("W/", "").replace("\"", "");
    String prefix = id + "-";
    if (!tag.startsWith(prefix)) {
      throw ProblemException.invalidHeader("If-Match", "must be an ETag of this product");
    }
    try {
      return Long.parseLong(tag.substring(prefix.length()));
    } catch (NumberFormatException e) {
      throw ProblemException.invalidHeader("If-Match", "must be an ETag of this product");
    }
  }
}
