package io.opencommerce.sav.api;

import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.BodyLimit;
import io.opencommerce.sav.application.Attachments;
import io.opencommerce.sav.application.SavSettings;
import io.opencommerce.sav.application.Tickets.Caller;
import io.opencommerce.sav.client.AttachmentLink;
import io.opencommerce.sav.domain.Attachment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * Files attached to a ticket, for its customer and staff. An upload is the raw file as the request
 * body, whatever its declared content type, named by {@code ?name=} (shown only; the object's key
 * is made of ids). A download is a short-lived presigned URL.
 */
@Path("tickets/{id}/attachments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class AttachmentResource {
  @Inject Attachments attachments;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  /**
   * Attaches a file (201, {@code Location}): PNG, JPEG, GIF, WebP or PDF by its signature (415
   * {@code unsupported-attachment-type} otherwise: an executable named {@code .png} is refused),
   * within {@code sav.attachments.max-bytes} per file and {@code .max-bytes-per-ticket} per ticket
   * (413). It is scanned before it can be downloaded.
   */
  @POST
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  @Consumes(MediaType.WILDCARD)
  @BodyLimit(bytes = SavSettings.MAX_UPLOAD_BYTES)
  public Response upload(
      @PathParam("id") UUID id,
      @QueryParam("name")
          @NotBlank(message = "A file name is required.")
          @Size(max = 200, message = "must be at most 200 characters")
          @Pattern(
              regexp = "[^/\\\\\\p{Cntrl}]+",
              message = "must not hold slashes or control characters")
          String name,
      byte[] body) {
    Caller who = new Caller(caller.id(), caller.seesAllCustomers());
    byte[] content = body == null ? new byte[0] : body;
    Attachment stored = attachments.upload(id, who, name, content);
    Attachment scanned = attachments.scan(stored.id(), content);
    return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
        .entity(Views.attachment(scanned == null ? stored : scanned))
        .build();
  }

  /**
   * Where to download an attachment: 200 with a presigned URL and its expiry. 404 for a ticket the
   * caller may not see or another ticket's attachment; 409 {@code attachment-not-available} while
   * it is scanned or once rejected.
   */
  @GET
  @Path("{attachmentId}")
  @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
  public AttachmentLink download(
      @PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
    return Views.link(
        attachments.link(id, attachmentId, new Caller(caller.id(), caller.seesAllCustomers())));
  }
}
