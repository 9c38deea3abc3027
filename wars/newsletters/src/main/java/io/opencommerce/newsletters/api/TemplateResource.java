package io.opencommerce.newsletters.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.BodyLimit;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.newsletters.application.Templates;
import io.opencommerce.newsletters.client.RenderedView;
import io.opencommerce.newsletters.client.TemplateRequest;
import io.opencommerce.newsletters.client.TemplateView;
import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.RenderedMail;
import io.opencommerce.newsletters.domain.TemplateVersion;
import io.opencommerce.newsletters.infrastructure.TemplateStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The current site's mail templates, for administrators: save a version (checked with the kind's
 * sample data), list and read versions, preview one, activate one.
 */
@Path("templates")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {
  /** A template's three parts fit in 512 KiB of JSON (100,000 + 200,000 characters at most). */
  static final long MAX_BYTES = 512 * 1024;

  @Inject Templates templates;
  @Inject CurrentUser caller;
  @jakarta.ws.rs.core.Context UriInfo uri;

  /** 201 with the version; 400 naming the part that does not compile or render. */
  @POST
  @BodyLimit(bytes = MAX_BYTES)
  public Response create(
      @NotNull(message = "A request body is required.") @Valid TemplateRequest request) {
    TemplateVersion version =
        templates.create(
            MailKind.byCode(request.kind()).orElseThrow(),
            request.language(),
            new TemplateStore.Content(request.subject(), request.text(), request.html()),
            caller.id());
    return Response.created(uri.getAbsolutePathBuilder().path(version.id().toString()).build())
        .entity(view(version, request.text(), request.html()))
        .build();
  }

  @GET
  public Page<TemplateView> list(
      @QueryParam("kind") @Pattern(regexp = MailKind.CODES, message = "is not a kind of mail")
          String kind,
      @QueryParam("language")
          @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter code such as en")
          String language,
      @BeanParam @Valid PageRequest page) {
    MailKind filter = kind == null ? null : MailKind.byCode(kind).orElseThrow();
    return page.page(
        templates.page(filter, language, page.limit(), page.offset()).stream()
            .map(v -> view(v, null, null))
            .toList(),
        templates.count(filter, language));
  }

  @GET
  @Path("{id}")
  public TemplateView get(@PathParam("id") UUID id) {
    TemplateVersion version = templates.get(id);
    TemplateStore.Content content = templates.content(version);
    return view(version, content.text(), content.html());
  }

  /** The version rendered with its kind's sample data. */
  @POST
  @Path("{id}/preview")
  public RenderedView preview(@PathParam("id") UUID id) {
    RenderedMail mail = templates.preview(id);
    return new RenderedView(mail.subject(), mail.text(), mail.html());
  }

  /** Makes it render the site's new mails of its kind and language. */
  @POST
  @Path("{id}/activation")
  public TemplateView activate(@PathParam("id") UUID id) {
    return view(templates.activate(id, caller.id()), null, null);
  }

  private TemplateView view(TemplateVersion v, String text, String html) {
    return new TemplateView(
        v.id(),
        v.kind().code(),
        v.language(),
        v.number(),
        v.subject(),
        text,
        html,
        templates.isActive(v),
        v.createdBy(),
        v.createdAt());
  }
}
