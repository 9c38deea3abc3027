package io.opencommerce.websites.client;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.contracts.websites.SiteChanged;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The websites REST API as a typed MicroProfile REST Client (config key {@code websites}).
 * Administrators create, list, read and replace the platform's sites; anyone reads the request's
 * site ({@code current}) and the registry feed every service loads its sites from.
 */
@RegisterRestClient(configKey = "websites")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface WebsitesApi {

  /** Every site, active or not, by code, with the total; administrators only. */
  @GET
  @Path("sites")
  Page<SiteView> sites(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /**
   * Creates a site (201, {@code Location}, {@code ETag}); 409 {@code site-exists}, {@code
   * domain-taken}.
   */
  @POST
  @Path("sites")
  Response create(@HeaderParam("Authorization") String authorization, SiteRequest request);

  /** One site; administrators only. */
  @GET
  @Path("sites/{code}")
  SiteView site(@HeaderParam("Authorization") String authorization, @PathParam("code") String code);

  /**
   * Replaces a site. {@code ifMatch} (its {@code ETag}, or null) makes it conditional: 412 when the
   * site changed since. 409 {@code domain-taken}, {@code default-site} (deactivating the default
   * site), {@code site-changed} (a concurrent change won).
   */
  @PUT
  @Path("sites/{code}")
  SiteView replace(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("If-Match") String ifMatch,
      @PathParam("code") String code,
      SiteRequest request);

  /** The request's site (from the host name, or {@code X-Site} from a trusted proxy). */
  @GET
  @Path("sites/current")
  PublicSiteView current();

  /**
   * The registry feed: the latest state of every site; an inactive one as a tombstone (code, {@code
   * active} false and version only).
   */
  @GET
  @Path("sites/registry")
  List<SiteChanged> registry();
}
