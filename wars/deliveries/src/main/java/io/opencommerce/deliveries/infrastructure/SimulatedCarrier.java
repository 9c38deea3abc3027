package io.opencommerce.deliveries.infrastructure;

import io.opencommerce.deliveries.client.CarrierWebhookRequest;
import io.opencommerce.deliveries.domain.Carrier;
import io.opencommerce.deliveries.domain.Label;
import io.opencommerce.deliveries.domain.ShipmentRequest;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A carrier that behaves like a real one without leaving the platform, for development, tests and
 * demonstrations. Tracking numbers are {@code SIM} + 10 random digits + a Luhn (mod 10) check
 * digit. Parcels arrive a number of working days after the order was placed (counted in Paris
 * time): 2 in France, 3 elsewhere in the European Union, 6 anywhere else. Webhooks carry a {@link
 * CarrierWebhookRequest} signed with HMAC-SHA256 under {@code
 * deliveries.carriers.simulated.webhook-secret}; without a secret every webhook is refused. Left to
 * itself, a parcel goes from its label to the sorting centre, out for delivery and is delivered
 * ({@link #nextStep}); the platform takes those steps every {@code
 * deliveries.carriers.simulated.progress-after} when that is set.
 */
@ApplicationScoped
public class SimulatedCarrier implements Carrier {
  public static final String CODE = "simulated";

  static final String PREFIX = "SIM";
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private static final Pattern SHAPE = Pattern.compile(PREFIX + "[0-9]{11}");
  private static final int DOMESTIC_DAYS = 2;
  private static final int EUROPEAN_UNION_DAYS = 3;
  private static final int INTERNATIONAL_DAYS = 6;

  /** The member states of the European Union other than France. */
  private static final Set<String> EUROPEAN_UNION =
      Set.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT",
          "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  @Inject
  @ConfigProperty(name = "deliveries.carriers.simulated.webhook-secret")
  Optional<String> webhookSecret;

  private final RandomGenerator random;

  public SimulatedCarrier() {
    this(Optional.empty(), new SecureRandom());
  }

  /** A carrier with its secret and source of tracking numbers given (tests). */
  SimulatedCarrier(Optional<String> webhookSecret, RandomGenerator random) {
    this.webhookSecret = webhookSecret;
    this.random = random;
  }

  /** A step a parcel takes by itself: the status it reaches, where, and what its journey says. */
  public record Movement(ShipmentStatus status, String location, String description) {}

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Label book(ShipmentRequest request) {
    return new Label(newTrackingNumber(), estimate(request.placedAt(), request.country()));
  }

  @Override
  public boolean isTrackingNumber(String trackingNumber) {
    if (trackingNumber == null || !SHAPE.matcher(trackingNumber).matches()) {
      return false;
    }
    String digits = trackingNumber.substring(PREFIX.length(), trackingNumber.length() - 1);
    return trackingNumber.charAt(trackingNumber.length() - 1) - '0' == checkDigit(digits);
  }

  @Override
  public boolean verifyWebhook(byte[] body, String signature) {
    return WebhookSignatures.verify(secret(), body, signature);
  }

  @Override
  public CarrierWebhookRequest readWebhook(String body) {
    return Json.JSONB.fromJson(body, CarrierWebhookRequest.class);
  }

  /**
   * The step a parcel in {@code status}, bound for {@code city} (null or blank when unknown), takes
   * next by itself: {@code CREATED → IN_TRANSIT} at the sorting centre, {@code OUT_FOR_DELIVERY}
   * from the destination's delivery depot, then {@code DELIVERED} there. Nothing for a parcel that
   * is delivered or cancelled, or held up by an {@code EXCEPTION}: people sort those out.
   */
  public Optional<Movement> nextStep(ShipmentStatus status, String city) {
    String destination = city == null || city.isBlank() ? null : city.strip();
    return switch (status) {
      case CREATED ->
          Optional.of(
              new Movement(
                  ShipmentStatus.IN_TRANSIT, "Sorting centre", "Parcel sorted and on its way."));
      case IN_TRANSIT ->
          Optional.of(
              new Movement(
                  ShipmentStatus.OUT_FOR_DELIVERY,
                  destination == null ? "Delivery depot" : "Delivery depot, " + destination,
                  "Out for delivery."));
      case OUT_FOR_DELIVERY ->
          Optional.of(new Movement(ShipmentStatus.DELIVERED, destination, "Delivered."));
      case DELIVERED, EXCEPTION, CANCELLED -> Optional.empty();
    };
  }

  String newTrackingNumber() {
    StringBuilder digits = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      digits.append(random.nextInt(10));
    }
    return PREFIX + digits + checkDigit(digits.toString());
  }

  /** The Luhn check digit of a string of decimal digits. */
  static int checkDigit(String digits) {
    int sum = 0;
    boolean doubled = true; // the rightmost payload digit is doubled
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("not a decimal digit: " + digits.charAt(i));
      }
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }

  /** When a parcel of an order placed at {@code placedAt} arrives in {@code country}. */
  static LocalDate estimate(Instant placedAt, String country) {
    return BusinessDays.add(placedAt.atZone(ZONE).toLocalDate(), transitDays(country));
  }

  static int transitDays(String country) {
    String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    if (code.equals("FR")) {
      return DOMESTIC_DAYS;
    }
    return EUROPEAN_UNION.contains(code) ? EUROPEAN_UNION_DAYS : INTERNATIONAL_DAYS;
  }

  /** The JSON-B instance, made on first use (the server provides the implementation). */
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  private String secret() {
    return webhookSecret == null ? null : webhookSecret.filter(s -> !s.isBlank()).orElse(null);
  }
}
