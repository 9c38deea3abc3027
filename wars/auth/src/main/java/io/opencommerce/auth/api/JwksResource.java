package io.opencommerce.auth.api;

import io.opencommerce.auth.infrastructure.SigningKey;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public keys access tokens are verified with (RFC 7517 JWK set). Every service's mpJwt reads
 * it from here, so no secret is shared between services.
 */
@Path("jwks")
@RequestScoped
@PermitAll
public class JwksResource {
  @Inject SigningKey signingKey;

  @GET
  @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
  public Response keys() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(signingKey.publicKeys().toString(), "application/jwk-set+json")
        .cacheControl(cache)
        .build();
  }
}
