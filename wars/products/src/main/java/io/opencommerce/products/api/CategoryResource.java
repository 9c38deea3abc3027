package io.opencommerce.products.api;

import io.opencommerce.kit.security.Roles;
import io.opencommerce.products.application.Catalog;
import io.opencommerce.products.client.CategoryRequest;
import io.opencommerce.products.client.CategoryView;
import io.opencommerce.products.domain.Category;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Catalog categories: anyone lists them, administrators add them. */
@Path("categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {
  @Inject Catalog catalog;
  @Context UriInfo uri;

  @GET
  @PermitAll
  public List<CategoryView> list() {
    return catalog.categories().stream().map(Views::category).toList();
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Response create(
      @NotNull(message = "A request body is required.") @Valid CategoryRequest request) {
    Category category = catalog.createCategory(request);
    return Response.created(uri.getAbsolutePathBuilder().path(category.slug()).build())
        .entity(Views.category(category))
        .build();
  }
}
