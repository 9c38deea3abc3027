package io.opencommerce.deliveries.domain;

import static io.opencommerce.deliveries.domain.ShipmentStatus.CANCELLED;
import static io.opencommerce.deliveries.domain.ShipmentStatus.CREATED;
import static io.opencommerce.deliveries.domain.ShipmentStatus.DELIVERED;
import static io.opencommerce.deliveries.domain.ShipmentStatus.EXCEPTION;
import static io.opencommerce.deliveries.domain.ShipmentStatus.IN_TRANSIT;
import static io.opencommerce.deliveries.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShipmentTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final UUID customer = UUID.randomUUID();

  private Shipment created() {
    return new Shipment(
        "default",
        UUID.randomUUID(),
        "OC-1001",
        customer,
        new DeliveryAddress(
            "Ada Lovelace", null, "1 rue de Rivoli", null, "75001", "Paris", null, "FR", null),
        3,
        "simulated",
        "SIM79927398713",
        LocalDate.parse("2026-03-04"),
        T0,
        T0);
  }

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  @Test
  void aNewShipmentIsCreatedWithThatFirstStepInItsJourney() {
    Shipment shipment = created();
    assertThat(shipment.status()).isEqualTo(CREATED);
    assertThat(shipment.events())
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(CREATED));
    assertThat(shipment.isOwnedBy(customer)).isTrue();
    assertThat(shipment.isOwnedBy(UUID.randomUUID())).isFalse();
  }

  @Test
  void followsTheUsualJourneyRecordingEachStep() {
    Shipment shipment = created();
    assertThat(shipment.moveTo(IN_TRANSIT, at(10), "Paris hub", "Parcel scanned", at(11)))
        .isPresent();
    assertThat(shipment.moveTo(OUT_FOR_DELIVERY, at(20), "Paris 1er", null, at(21))).isPresent();
    assertThat(shipment.moveTo(DELIVERED, at(30), "Paris 1er", "Handed over", at(31))).isPresent();
    assertThat(shipment.status()).isEqualTo(DELIVERED);
    assertThat(shipment.events())
        .extracting(TrackingEvent::status)
        .containsExactly(CREATED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
    assertThat(shipment.events()).extracting(TrackingEvent::seq).containsExactly(1, 2, 3, 4);
    TrackingEvent last = shipment.events().get(3);
    assertThat(last.occurredAt()).isEqualTo(at(30));
    assertThat(last.recordedAt()).isEqualTo(at(31));
    assertThat(last.location()).isEqualTo("Paris 1er");
    assertThat(last.description()).isEqualTo("Handed over");
  }

  @Test
  void aResentStatusChangesNothing() {
    Shipment shipment = created();
    shipment.moveTo(IN_TRANSIT, at(10), null, null, at(10));
    assertThat(shipment.moveTo(IN_TRANSIT, at(12), "elsewhere", null, at(12))).isEmpty();
    assertThat(shipment.events()).hasSize(2);
    assertThat(shipment.updatedAt()).isEqualTo(at(10));
  }

  @Test
  void inTransitMayBeDeliveredDirectly() {
    Shipment shipment = created();
    shipment.moveTo(IN_TRANSIT, null, null, null, at(1));
    assertThat(shipment.moveTo(DELIVERED, null, null, null, at(2))).isPresent();
  }

  @Test
  void anExceptionInterruptsTransitOrDeliveryAndIsFollowedByEither() {
    Shipment shipment = created();
    shipment.moveTo(IN_TRANSIT, null, null, null, at(1));
    shipment.moveTo(EXCEPTION, null, "Lyon", "Delayed: weather", at(2));
    shipment.moveTo(IN_TRANSIT, null, null, null, at(3));
    shipment.moveTo(OUT_FOR_DELIVERY, null, null, null, at(4));
    shipment.moveTo(EXCEPTION, null, null, "Nobody home", at(5));
    shipment.moveTo(OUT_FOR_DELIVERY, null, null, null, at(6));
    shipment.moveTo(DELIVERED, null, null, null, at(7));
    assertThat(shipment.events()).hasSize(8);
  }

  @Test
  void aStepWithoutATimeHappenedWhenItWasRecorded() {
    Shipment shipment = created();
    shipment.moveTo(IN_TRANSIT, null, null, null, at(5));
    assertThat(shipment.events().get(1).occurredAt()).isEqualTo(at(5));
  }

  @Test
  void refusesToSkipSteps() {
    Shipment shipment = created();
    assertThatThrownBy(() -> shipment.moveTo(OUT_FOR_DELIVERY, null, null, null, at(1)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("CREATED")
        .hasMessageContaining("OUT_FOR_DELIVERY");
    assertThatThrownBy(() -> shipment.moveTo(DELIVERED, null, null, null, at(1)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> shipment.moveTo(EXCEPTION, null, null, null, at(1)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(shipment.status()).isEqualTo(CREATED);
    assertThat(shipment.events()).hasSize(1);
  }

  @Test
  void deliveredIsFinal() {
    Shipment shipment = created();
    shipment.moveTo(IN_TRANSIT, null, null, null, at(1));
    shipment.moveTo(DELIVERED, null, null, null, at(2));
    for (ShipmentStatus other : ShipmentStatus.values()) {
      if (other != DELIVERED) {
        assertThatThrownBy(() -> shipment.moveTo(other, null, null, null, at(3)))
            .isInstanceOf(IllegalTransitionException.class);
      }
    }
    assertThat(shipment.moveTo(DELIVERED, null, null, null, at(4))).isEmpty();
  }

  @Test
  void theTransitionTable() {
    assertThat(CREATED.next()).containsExactlyInAnyOrder(IN_TRANSIT, CANCELLED);
    assertThat(IN_TRANSIT.next()).containsExactlyInAnyOrder(OUT_FOR_DELIVERY, DELIVERED, EXCEPTION);
    assertThat(OUT_FOR_DELIVERY.next()).containsExactlyInAnyOrder(DELIVERED, EXCEPTION);
    assertThat(EXCEPTION.next()).containsExactlyInAnyOrder(IN_TRANSIT, OUT_FOR_DELIVERY);
    assertThat(DELIVERED.next()).isEmpty();
    assertThat(DELIVERED.isFinal()).isTrue();
    assertThat(CANCELLED.next()).isEmpty();
    assertThat(CANCELLED.isFinal()).isTrue();
    assertThat(CREATED.isFinal()).isFalse();
    assertThat(EXCEPTION.canMoveTo(DELIVERED)).isFalse();
    assertThat(OUT_FOR_DELIVERY.canMoveTo(IN_TRANSIT)).isFalse();
    assertThat(IN_TRANSIT.canMoveTo(CREATED)).isFalse();
  }

  @Test
  void statusNamesAreThoseOfTheEventContract() {
    assertThat(Arrays.stream(ShipmentStatus.values()).map(Enum::name))
        .containsExactly(
            ShipmentStatusChanged.CREATED,
            ShipmentStatusChanged.IN_TRANSIT,
            ShipmentStatusChanged.OUT_FOR_DELIVERY,
            ShipmentStatusChanged.DELIVERED,
            ShipmentStatusChanged.EXCEPTION,
            ShipmentStatusChanged.CANCELLED);
  }

  @Test
  void aShipmentWhoseParcelHasNotLeftIsCancelledWithTheReasonInItsJourney() {
    Shipment shipment = created();
    assertThat(shipment.cancel("Changed my mind", at(5))).isPresent();
    assertThat(shipment.status()).isEqualTo(CANCELLED);
    assertThat(shipment.updatedAt()).isEqualTo(at(5));
    assertThat(shipment.events())
        .extracting(TrackingEvent::status)
        .containsExactly(CREATED, CANCELLED);
    TrackingEvent step = shipment.events().get(1);
    assertThat(step.seq()).isEqualTo(2);
    assertThat(step.occurredAt()).isEqualTo(at(5));
    assertThat(step.recordedAt()).isEqualTo(at(5));
    assertThat(step.location()).isNull();
    assertThat(step.description()).isEqualTo("Changed my mind");
  }

  @Test
  void cancellingAgainChangesNothing() {
    Shipment shipment = created();
    shipment.cancel("Changed my mind", at(5));
    assertThat(shipment.cancel("Changed my mind", at(9))).isEmpty();
    assertThat(shipment.moveTo(CANCELLED, at(10), null, "again", at(10))).isEmpty();
    assertThat(shipment.status()).isEqualTo(CANCELLED);
    assertThat(shipment.events()).hasSize(2);
    assertThat(shipment.updatedAt()).isEqualTo(at(5));
  }

  @Test
  void cancelledIsFinal() {
    Shipment shipment = created();
    shipment.cancel(null, at(1));
    for (ShipmentStatus other : ShipmentStatus.values()) {
      if (other != CANCELLED) {
        assertThatThrownBy(() -> shipment.moveTo(other, null, null, null, at(2)))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining("CANCELLED");
      }
    }
    assertThat(shipment.status()).isEqualTo(CANCELLED);
    assertThat(shipment.events()).hasSize(2);
  }

  @Test
  void aParcelOnItsWayCannotBeCancelled() {
    for (ShipmentStatus reached : new ShipmentStatus[] {IN_TRANSIT, OUT_FOR_DELIVERY, EXCEPTION}) {
      Shipment shipment = created();
      shipment.moveTo(IN_TRANSIT, null, null, null, at(1));
      if (reached != IN_TRANSIT) {
        shipment.moveTo(reached, null, null, null, at(2));
      }
      int steps = shipment.events().size();
      assertThatThrownBy(() -> shipment.cancel("too late", at(3)))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining(reached.name())
          .hasMessageContaining("CANCELLED");
      assertThat(shipment.status()).isEqualTo(reached);
      assertThat(shipment.events()).hasSize(steps);
    }
  }

  @Test
  void aDeliveredParcelCannotBeCancelled() {
    Shipment shipment = created();
    shipment.moveTo(IN_TRANSIT, null, null, null, at(1));
    shipment.moveTo(DELIVERED, null, null, null, at(2));
    assertThatThrownBy(() -> shipment.cancel("too late", at(3)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(shipment.status()).isEqualTo(DELIVERED);
  }

  @Test
  void onlyACreatedShipmentMayBeCancelled() {
    assertThat(Arrays.stream(ShipmentStatus.values()).filter(s -> s.canMoveTo(CANCELLED)))
        .containsExactly(CREATED);
  }

  @Test
  void itsStatusChangeNewsCarriesTheShipmentAsItStands() {
    Shipment shipment = created();
    shipment.moveTo(IN_TRANSIT, at(10), "Paris hub", null, at(11));

    assertThat(shipment.statusChanged(at(10)))
        .isEqualTo(
            new ShipmentStatusChanged(
                shipment.id(),
                shipment.orderId(),
                customer,
                "simulated",
                "SIM79927398713",
                ShipmentStatusChanged.IN_TRANSIT,
                LocalDate.parse("2026-03-04"),
                at(10)));
  }
}
