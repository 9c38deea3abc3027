package io.opencommerce.deliveries.infrastructure;

import io.opencommerce.deliveries.domain.Carrier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The carriers the platform ships with, found by code among the {@link Carrier} beans. New
 * shipments are booked with {@code deliveries.carrier.default} ({@code simulated} unless
 * configured); a default that names no carrier stops the application at start.
 */
@ApplicationScoped
public class Carriers {
  private static final Logger LOG = Logger.getLogger(Carriers.class.getName());

  @Inject @Any Instance<Carrier> carriers;

  @Inject
  @ConfigProperty(name = "deliveries.carrier.default", defaultValue = SimulatedCarrier.CODE)
  String defaultCode;

  void check(@Observes Startup startup) {
    Carrier carrier = defaultCarrier();
    LOG.info(() -> "New shipments are booked with the carrier " + carrier.code());
  }

  public Optional<Carrier> byCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Carrier carrier : carriers) {
      if (carrier.code().equals(code)) {
        return Optional.of(carrier);
      }
    }
    return Optional.empty();
  }

  /** The carrier new shipments are booked with. */
  public Carrier defaultCarrier() {
    return byCode(defaultCode)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "deliveries.carrier.default names no known carrier: " + defaultCode));
  }

  /** Whether any carrier could have issued {@code trackingNumber}. */
  public boolean isTrackingNumber(String trackingNumber) {
    for (Carrier carrier : carriers) {
      if (carrier.isTrackingNumber(trackingNumber)) {
        return true;
      }
    }
    return false;
  }
}
