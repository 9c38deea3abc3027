package io.opencommerce.products.api;

import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.storage.ObjectStorage;
import io.opencommerce.kit.web.BodyLimit;
import io.opencommerce.products.application.ProductImages;
import io.opencommerce.products.client.ImageView;
import io.opencommerce.products.domain.ProductImage;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A product's images. Administrators upload the raw image as the request body (PNG, JPEG or WebP,
 * up to 5 MiB); everyone gets short-lived presigned URLs to fetch them straight from storage.
 */
@Path("products/{id}/images")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductImageResource {
  private static final Duration URL_VALIDITY = Duration.ofMinutes(10);

  @Inject ProductImages images;
  @Inject ObjectStorage storage;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Consumes(MediaType.WILDCARD)
  @BodyLimit(bytes = ProductImages.MAX_BYTES)
  public Response upload(
      @PathParam("id") UUID id, @HeaderParam("Content-Type") String type, byte[] body) {
    ProductImage image = images.add(id, type, body == null ? new byte[0] : body);
    return Response.created(uri.getAbsolutePathBuilder().path(image.id().toString()).build())
        .entity(view(image))
        .build();
  }

  @GET
  @PermitAll
  public List<ImageView> list(@PathParam("id") UUID id) {
    boolean admin = caller.isAdmin();
    return images.of(id, admin).stream().map(this::view).toList();
  }

  @DELETE
  @Path("{imageId}")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Response remove(@PathParam("id") UUID id, @PathParam("imageId") UUID imageId) {
    images.remove(id, imageId);
    return Response.noContent().build();
  }

  private ImageView view(ProductImage image) {
    try {
      return new ImageView(
          image.id(),
          image.contentType(),
          image.size(),
          image.position(),
          storage.presignedGet(image.objectKey(), URL_VALIDITY),
          Instant.now().plus(URL_VALIDITY));
    } catch (Exception e) {
      throw new IllegalStateException("Signing a URL for " + image.objectKey() + " failed", e);
    }
  }
}
