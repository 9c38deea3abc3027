package io.opencommerce.storefront.api;

import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.storefront.application.ProductPages;
import io.opencommerce.storefront.application.StorefrontSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A product page for anyone: the product, its availability and its FAQ in one answer ({@link
 * ProductPages}). Whole pages are public and short-lived ({@code Cache-Control: public, max-age=…},
 * {@code storefront.product-pages.max-age}) with a strong {@code ETag} from their content ({@code
 * If-None-Match} answers 304); a page with a part missing is never stored.
 */
@Path("product-pages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductPageResource {
  @Inject ProductPages pages;
  @Inject StorefrontSettings settings;
  @Inject CurrentRequest request;
  @Context Request conditional;

  /**
   * The page of one product of the request's site; its FAQ in {@code language} when the site offers
   * it, in the site's default language otherwise. 404 when the catalogue does not sell the product
   * on the site.
   */
  @GET
  @Path("{productId}")
  @PermitAll
  public Response get(
      @PathParam("productId") UUID productId,
      @QueryParam("language")
          @Pattern(regexp = EntryRequest.LANGUAGE, message = "must be a language tag such as en")
          String language) {
    return PageResponses.shared(
        pages.page(request.site(), productId, request.currentSite().language(language)),
        conditional,
        settings.maxAgeSeconds());
  }
}
