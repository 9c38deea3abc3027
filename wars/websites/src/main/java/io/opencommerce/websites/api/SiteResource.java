package io.opencommerce.websites.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.sites.Site;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.websites.application.Sites;
import io.opencommerce.websites.client.SiteRequest;
import io.opencommerce.websites.client.SiteView;
import io.opencommerce.websites.domain.Website;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The platform's sites. Administrators list, create, read and replace them (every other caller: 401
 * or 403); anyone reads the request's site ({@code current}) and the registry feed ({@code
 * registry}).
 */
@Path("sites")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {
  static final String CODE_MESSAGE = "must be a site code: lower-case letters, digits and dashes";

  /** How long a shop front may keep the request's site before it asks again. */
  static final int CURRENT_MAX_AGE = 60;

  @Inject Sites sites;
  @Inject CurrentRequest request;
  @Context UriInfo uri;

  /** Every site, active or not, by code, with the total. */
  @GET
  @SecurityRequirement(name = "jwt")
  public Page<SiteView> list(@BeanParam @Valid PageRequest page) {
    return page.page(
        sites.page(page.limit(), page.offset()).stream().map(Views::site).toList(), sites.count());
  }

  /**
   * 201 with the site, its {@code Location} and {@code ETag}; 409 {@code site-exists}, {@code
   * domain-taken}.
   */
  @POST
  @SecurityRequirement(name = "jwt")
  public Response create(
      @NotNull(message = "A request body is required.") @Valid SiteRequest body) {
    Website site = sites.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(site.code()).build())
        .entity(Views.site(site))
        .tag(Views.etag(site.code(), site.version()))
        .build();
  }

  /** One site, with its {@code ETag} ({@code If-None-Match} answers 304). */
  @GET
  @Path("{code}")
  @SecurityRequirement(name = "jwt")
  public Response get(
      @PathParam("code") @Pattern(regexp = SiteRequest.CODE, message = CODE_MESSAGE) String code,
      @Context Request conditional) {
    Website site = sites.get(code);
    EntityTag tag = Views.etag(site.code(), site.version());
    Response.ResponseBuilder unchanged = conditional.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.tag(tag).build();
    }
    return Response.ok(Views.site(site)).tag(tag).build();
  }

  /**
   * Replaces a site; {@code If-Match: "<code>-<version>"} makes it conditional (412). 409 {@code
   * domain-taken}, {@code default-site}, {@code site-changed}.
   */
  @PUT
  @Path("{code}")
  @SecurityRequirement(name = "jwt")
  public Response replace(
      @PathParam("code") @Pattern(regexp = SiteRequest.CODE, message = CODE_MESSAGE) String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "A request body is required.") @Valid SiteRequest body) {
    Website site = sites.replace(code, body, expectedVersion(code, ifMatch));
    return Response.ok(Views.site(site)).tag(Views.etag(site.code(), site.version())).build();
  }

  /**
   * The request's site as a shop front shows it, with its {@code ETag} ({@code If-None-Match}
   * answers 304); kept a minute by the client, per host and {@code X-Site}.
   */
  @GET
  @Path("current")
  @PermitAll
  public Response current(@Context Request conditional) {
    Site site = request.currentSite();
    EntityTag tag = Views.etag(site.code(), site.version());
    CacheControl cache = new CacheControl();
    cache.setMaxAge(CURRENT_MAX_AGE);
    Response.ResponseBuilder unchanged = conditional.evaluatePreconditions(tag);
    Response.ResponseBuilder answer =
        unchanged != null ? unchanged : Response.ok(Views.current(site));
    return answer.tag(tag).cacheControl(cache).build();
  }

  /**
   * The registry feed: the latest state of every site as {@code SiteChanged} records, by code; an
   * inactive site as a tombstone (code, {@code active} false, version). What every service's site
   * registry loads at start and every minute.
   */
  @GET
  @Path("registry")
  @PermitAll
  public List<SiteChanged> registry() {
    return sites.feed();
  }

  /**
   * The version {@code If-Match} names: null for none or {@code *}; -1 (matching no version, so
   * 412) for a tag that is not one of this site's.
   */
  static Long expectedVersion(String code, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    String prefix = code + "-";
    if (tag.startsWith(prefix)
        && tag.length() > prefix.length()
        && tag.length() - prefix.length() <= 18
        && tag.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Long.parseLong(tag.substring(prefix.length()));
    }
    return -1L;
  }
}
