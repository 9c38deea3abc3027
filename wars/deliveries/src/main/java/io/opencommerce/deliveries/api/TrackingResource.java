package io.opencommerce.deliveries.api;

import io.opencommerce.deliveries.application.Shipments;
import io.opencommerce.deliveries.client.TrackingView;
import io.opencommerce.deliveries.infrastructure.Carriers;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.RateLimited;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Public parcel tracking: anyone with a tracking number sees the carrier, the status, the estimated
 * delivery date and the journey, but no names, address, order or customer. Tracking numbers are
 * unique across sites, so the lookup does not depend on the site.
 */
@Path("tracking")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {
  @Inject Shipments shipments;
  @Inject Carriers carriers;

  /**
   * 400 for a number no carrier could have issued (shape, check digit), 404 for an unknown one.
   * Rate-limited per address: anyone may call it, and tracking numbers must not be walked.
   */
  @RateLimited(value = "tracking", perAddress = "120/PT1M")
  @GET
  @Path("{trackingNumber}")
  public TrackingView track(@PathParam("trackingNumber") String trackingNumber) {
    String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
    if (!carriers.isTrackingNumber(number)) {
      throw ProblemException.invalidPath("trackingNumber", "is not a valid tracking number");
    }
    return Views.tracking(
        shipments
            .byTrackingNumber(number)
            .orElseThrow(() -> ProblemException.notFound("Tracking number", number)));
  }
}
