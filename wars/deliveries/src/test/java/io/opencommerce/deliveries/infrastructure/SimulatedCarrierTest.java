package io.opencommerce.deliveries.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.deliveries.domain.Label;
import io.opencommerce.deliveries.domain.ShipmentRequest;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.deliveries.infrastructure.SimulatedCarrier.Movement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatedCarrierTest {
  private static final String SECRET = "carrier-test-secret";
  private final SimulatedCarrier carrier =
      new SimulatedCarrier(Optional.of(SECRET), new Random(42));

  @Test
  void theCheckDigitIsLuhns() {
    assertThat(SimulatedCarrier.checkDigit("7992739871")).isEqualTo(3);
    assertThat(SimulatedCarrier.checkDigit("0000000000")).isZero();
    assertThat(SimulatedCarrier.checkDigit("0000000001")).isEqualTo(8);
  }

  @Test
  void tracksNumbersOfItsShapeWithTheRightCheckDigit() {
    assertThat(carrier.isTrackingNumber("SIM79927398713")).isTrue();
    assertThat(carrier.isTrackingNumber("SIM79927398714")).as("wrong check digit").isFalse();
    assertThat(carrier.isTrackingNumber("SIM97927398713")).as("swapped digits").isFalse();
    assertThat(carrier.isTrackingNumber("SIM7992739871")).as("too short").isFalse();
    assertThat(carrier.isTrackingNumber("SIM799273987130")).as("too long").isFalse();
    assertThat(carrier.isTrackingNumber("XYZ79927398713")).as("other prefix").isFalse();
    assertThat(carrier.isTrackingNumber("sim79927398713")).as("lower case").isFalse();
    assertThat(carrier.isTrackingNumber("SIM7992739871A")).isFalse();
    assertThat(carrier.isTrackingNumber(null)).isFalse();
  }

  @Test
  void issuesDistinctValidTrackingNumbers() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String number = carrier.newTrackingNumber();
      assertThat(number).matches("SIM[0-9]{11}");
      assertThat(carrier.isTrackingNumber(number)).isTrue();
      seen.add(number);
    }
    assertThat(seen).hasSizeGreaterThan(995);
  }

  @Test
  void estimatesInWorkingDaysByDestination() {
    // Friday 2 January 2026, mid-day in Paris
    Instant friday = Instant.parse("2026-01-02T11:00:00Z");
    assertThat(SimulatedCarrier.estimate(friday, "FR")).isEqualTo(LocalDate.parse("2026-01-06"));
    assertThat(SimulatedCarrier.estimate(friday, "DE")).isEqualTo(LocalDate.parse("2026-01-07"));
    assertThat(SimulatedCarrier.estimate(friday, "US")).isEqualTo(LocalDate.parse("2026-01-12"));
    assertThat(SimulatedCarrier.estimate(friday, "CH")).as("not in the EU").isEqualTo("2026-01-12");
    assertThat(SimulatedCarrier.estimate(friday, "GB")).as("not in the EU").isEqualTo("2026-01-12");
  }

  @Test
  void ordersOfTheWeekendCountFromMonday() {
    Instant saturday = Instant.parse("2026-01-03T10:00:00Z");
    Instant sunday = Instant.parse("2026-01-04T10:00:00Z");
    assertThat(SimulatedCarrier.estimate(saturday, "FR")).isEqualTo("2026-01-06");
    assertThat(SimulatedCarrier.estimate(sunday, "FR")).isEqualTo("2026-01-06");
    assertThat(SimulatedCarrier.estimate(sunday, "BE")).isEqualTo("2026-01-07");
  }

  @Test
  void daysAreCountedInParis() {
    // 23:30 UTC on Friday is already Saturday in Paris
    Instant lateFriday = Instant.parse("2026-01-02T23:30:00Z");
    assertThat(SimulatedCarrier.estimate(lateFriday, "FR")).isEqualTo("2026-01-06");
    // 23:30 UTC on Thursday is Friday in Paris: Monday, Tuesday
    Instant lateThursday = Instant.parse("2026-01-01T23:30:00Z");
    assertThat(SimulatedCarrier.estimate(lateThursday, "FR")).isEqualTo("2026-01-06");
  }

  @Test
  void booksWithATrackingNumberAndAnEstimate() {
    Label label =
        carrier.book(
            new ShipmentRequest(
                UUID.randomUUID(),
                "OC-1",
                "fr",
                "75001",
                2,
                Instant.parse("2026-01-05T10:00:00Z")));
    assertThat(carrier.isTrackingNumber(label.trackingNumber())).isTrue();
    assertThat(label.estimatedDelivery()).isEqualTo("2026-01-07");
  }

  @Test
  void verifiesWebhooksSignedWithItsSecret() {
    byte[] body =
        "{\"trackingNumber\":\"SIM79927398713\",\"status\":\"IN_TRANSIT\"}"
            .getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSignatures.sign(SECRET, body);
    assertThat(carrier.verifyWebhook(body, signature)).isTrue();
    assertThat(carrier.verifyWebhook(body, WebhookSignatures.sign("another secret", body)))
        .isFalse();
    assertThat(carrier.verifyWebhook(body, null)).isFalse();
  }

  @Test
  void refusesEveryWebhookWithoutASecret() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    SimulatedCarrier unconfigured = new SimulatedCarrier(Optional.empty(), new Random(1));
    SimulatedCarrier blank = new SimulatedCarrier(Optional.of("  "), new Random(1));
    assertThat(unconfigured.verifyWebhook(body, WebhookSignatures.sign("x", body))).isFalse();
    assertThat(blank.verifyWebhook(body, WebhookSignatures.sign("  ", body))).isFalse();
  }

  @Test
  void aParcelLeftToItselfIsSortedGoesOutForDeliveryAndIsDelivered() {
    List<Movement> journey = new ArrayList<>();
    ShipmentStatus status = ShipmentStatus.CREATED;
    for (Optional<Movement> next = carrier.nextStep(status, "Lyon");
        next.isPresent();
        next = carrier.nextStep(status, "Lyon")) {
      assertThat(status.canMoveTo(next.get().status()))
          .as("%s → %s is a legal step", status, next.get().status())
          .isTrue();
      journey.add(next.get());
      status = next.get().status();
      assertThat(journey).as("the journey ends").hasSizeLessThanOrEqualTo(3);
    }
    assertThat(journey)
        .containsExactly(
            new Movement(
                ShipmentStatus.IN_TRANSIT, "Sorting centre", "Parcel sorted and on its way."),
            new Movement(
                ShipmentStatus.OUT_FOR_DELIVERY, "Delivery depot, Lyon", "Out for delivery."),
            new Movement(ShipmentStatus.DELIVERED, "Lyon", "Delivered."));
  }

  @Test
  void leavesParcelsDeliveredCancelledOrHeldUpWhereTheyAre() {
    assertThat(carrier.nextStep(ShipmentStatus.DELIVERED, "Lyon")).isEmpty();
    assertThat(carrier.nextStep(ShipmentStatus.CANCELLED, "Lyon")).isEmpty();
    assertThat(carrier.nextStep(ShipmentStatus.EXCEPTION, "Lyon")).isEmpty();
  }

  @Test
  void anUnknownDestinationIsLeftOutOfTheLocation() {
    for (String city : new String[] {null, "", "   "}) {
      assertThat(carrier.nextStep(ShipmentStatus.IN_TRANSIT, city))
          .contains(
              new Movement(ShipmentStatus.OUT_FOR_DELIVERY, "Delivery depot", "Out for delivery."));
      assertThat(carrier.nextStep(ShipmentStatus.OUT_FOR_DELIVERY, city))
          .contains(new Movement(ShipmentStatus.DELIVERED, null, "Delivered."));
    }
    assertThat(carrier.nextStep(ShipmentStatus.OUT_FOR_DELIVERY, " Saint-Étienne "))
        .map(Movement::location)
        .contains("Saint-Étienne");
  }

  @Test
  void locationsAndDescriptionsFitTheJourney() {
    for (ShipmentStatus status : ShipmentStatus.values()) {
      carrier
          .nextStep(status, "x".repeat(100)) // the longest city an address holds
          .ifPresent(
              m -> {
                if (m.location() != null) {
                  assertThat(m.location()).hasSizeLessThanOrEqualTo(200);
                }
                assertThat(m.description()).isNotBlank().hasSizeLessThanOrEqualTo(500);
              });
    }
  }
}
