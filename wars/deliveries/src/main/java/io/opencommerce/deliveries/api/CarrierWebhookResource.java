package io.opencommerce.deliveries.api;

import io.opencommerce.deliveries.application.ShipmentProgress;
import io.opencommerce.deliveries.application.ShipmentProgress.Step;
import io.opencommerce.deliveries.client.CarrierWebhookRequest;
import io.opencommerce.deliveries.client.DeliveriesApi;
import io.opencommerce.deliveries.client.TrackingView;
import io.opencommerce.deliveries.domain.Carrier;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.deliveries.infrastructure.Carriers;
import io.opencommerce.kit.problem.ConstraintViolationMapper;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Carriers' progress reports. Carriers hold no platform token: a report is trusted because it is
 * signed ({@code X-Carrier-Signature: sha256=<hex HMAC-SHA256 of the raw body>}) with the secret
 * shared with that carrier, so the signature is checked over the body's bytes exactly as they
 * arrived, before anything is read from them. The shipment is found by its tracking number on any
 * site.
 */
@Path("carriers")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CarrierWebhookResource {
  private static final Logger LOG = Logger.getLogger(CarrierWebhookResource.class.getName());

  @Inject Carriers carriers;
  @Inject ShipmentProgress progress;
  @Inject Validator validator;

  /**
   * How far a signed report's {@code sentAt} may be from this server's clock ({@code
   * deliveries.webhooks.tolerance}, PT5M): older reports are replays, or too late to trust.
   */
  @Inject
  @ConfigProperty(name = "deliveries.webhooks.tolerance", defaultValue = "PT5M")
  String toleranceSetting;

  private Duration tolerance() {
    return Duration.parse(toleranceSetting);
  }

  /**
   * 200 with the parcel's public tracking; 404 for an unknown carrier or tracking number, 401
   * {@code bad-signature} or {@code stale-webhook}, 400 naming the invalid field, 409 {@code
   * illegal-transition}.
   */
  @POST
  @Path("{carrier}/webhook")
  public TrackingView webhook(
      @PathParam("carrier") String code,
      @HeaderParam(DeliveriesApi.SIGNATURE) String signature,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = CarrierWebhookRequest.class)))
          byte[] body) {
    Carrier carrier =
        carriers.byCode(code).orElseThrow(() -> ProblemException.notFound("Carrier", code));
    byte[] raw = body == null ? new byte[0] : body;
    if (!carrier.verifyWebhook(raw, signature)) {
      LOG.warning(() -> "Refused a webhook of " + carrier.code() + " with a bad signature");
      throw ProblemException.unauthorized(
          "bad-signature",
          "The " + DeliveriesApi.SIGNATURE + " header does not sign this body with our secret.");
    }
    CarrierWebhookRequest request = carrier.readWebhook(new String(raw, StandardCharsets.UTF_8));
    if (request == null) {
      throw ProblemException.invalidBody(null, "A request body is required.");
    }
    validate(request);
    if (Duration.between(request.sentAt(), Instant.now()).abs().compareTo(tolerance()) > 0) {
      LOG.warning(() -> "Refused a webhook of " + carrier.code() + " sent at " + request.sentAt());
      throw ProblemException.unauthorized(
          "stale-webhook",
          "The report was not sent within "
              + tolerance()
              + " of now; a report is accepted only fresh, never replayed later.");
    }
    if (!carrier.isTrackingNumber(request.trackingNumber())) {
      throw ProblemException.invalidBody(
          "trackingNumber", "is not a tracking number of " + carrier.code());
    }
    return Views.tracking(
        progress.report(
            carrier.code(),
            request.trackingNumber(),
            new Step(
                ShipmentStatus.valueOf(request.status()),
                request.occurredAt(),
                ShipmentResource.blankToNull(request.location()),
                ShipmentResource.blankToNull(request.description()))));
  }

  private void validate(CarrierWebhookRequest request) {
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw ConstraintViolationMapper.invalidBody(violations);
    }
  }
}
