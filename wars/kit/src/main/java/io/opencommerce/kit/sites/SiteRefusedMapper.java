package io.opencommerce.kit.sites;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link SiteRefused} met after the request was admitted with its problem document. */
@Provider
public class SiteRefusedMapper implements ExceptionMapper<SiteRefused> {
  @Override
  public Response toResponse(SiteRefused e) {
    return e.toResponse();
  }
}
