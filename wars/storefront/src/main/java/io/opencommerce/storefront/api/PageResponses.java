package io.opencommerce.storefront.api;

import io.opencommerce.storefront.domain.ComposedPage;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** How composed pages go out: who may keep them, and for how long. */
final class PageResponses {
  /** A page about one person: kept by no cache, not even the browser's. */
  static final String PRIVATE = "private, no-store";

  /** A page with a part missing: asked again next time, so that it is whole once it can be. */
  static final String DEGRADED = "no-store";

  private PageResponses() {}

  /**
   * A page every visitor gets alike: when whole, with a strong entity tag from its content (304
   * when {@code If-None-Match} names it) and public for {@code maxAgeSeconds}; one that varies by
   * site.
   */
  static Response shared(ComposedPage page, Request conditional, long maxAgeSeconds) {
    if (!page.complete()) {
      return Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE)
          .header(HttpHeaders.CACHE_CONTROL, DEGRADED)
          .build();
    }
    EntityTag tag = new EntityTag(page.etag());
    String cacheControl = "public, max-age=" + maxAgeSeconds;
    Response.ResponseBuilder unchanged = conditional.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
    return Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE)
        .tag(tag)
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .build();
  }

  /** A page about the caller: never stored. */
  static Response personal(ComposedPage page) {
    return Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
        .build();
  }
}
