package io.opencommerce.products.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.products.domain.Reservation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private static Reservation held() {
    return new Reservation(
        "default",
        "orders",
        UUID.randomUUID(),
        "order-1",
        "key-1",
        List.of(new ReservationLine(UUID.randomUUID(), 2)),
        T0,
        Duration.ofMinutes(15));
  }

  @Test
  void aHeldReservationCommitsOnceBeforeItExpires() {
    Reservation reservation = held();
    assertThat(reservation.commit(T0.plusSeconds(60))).isTrue();
    assertThat(reservation.status()).isEqualTo(Status.COMMITTED);
    assertThat(reservation.commit(T0.plusSeconds(61))).isFalse();
    assertThat(reservation.release(T0.plusSeconds(62))).isFalse();
  }

  @Test
  void anExpiredReservationCannotBeCommitted() {
    Reservation reservation = held();
    assertThat(reservation.commit(T0.plus(Duration.ofMinutes(15)))).isFalse();
    assertThat(reservation.status()).isEqualTo(Status.HELD);
    assertThat(reservation.expire(T0.plus(Duration.ofMinutes(15)))).isTrue();
    assertThat(reservation.status()).isEqualTo(Status.EXPIRED);
  }

  @Test
  void itDoesNotExpireWhileTimeRemains() {
    Reservation reservation = held();
    assertThat(reservation.expire(T0.plus(Duration.ofMinutes(14)))).isFalse();
  }

  @Test
  void aReleasedReservationEndsThere() {
    Reservation reservation = held();
    assertThat(reservation.release(T0)).isTrue();
    assertThat(reservation.expire(T0.plus(Duration.ofHours(1)))).isFalse();
    assertThat(reservation.commit(T0)).isFalse();
  }

  @Test
  void anExpiredReservationCanStillBeSoldOnceItsUnitsAreHeldAgain() {
    Reservation reservation = held();
    assertThat(reservation.commitLate(T0)).isFalse(); // still held: the normal commit applies
    reservation.expire(T0.plus(Duration.ofMinutes(15)));
    assertThat(reservation.commitLate(T0.plus(Duration.ofMinutes(20)))).isTrue();
    assertThat(reservation.status()).isEqualTo(Status.COMMITTED);
    assertThat(reservation.commitLate(T0.plus(Duration.ofMinutes(21)))).isFalse();
  }

  @Test
  void soldUnitsComeBackOnce() {
    Reservation reservation = held();
    assertThat(reservation.giveBack(T0)).isFalse(); // nothing sold yet
    reservation.commit(T0.plusSeconds(1));
    assertThat(reservation.giveBack(T0.plusSeconds(2))).isTrue();
    assertThat(reservation.status()).isEqualTo(Status.RETURNED);
    assertThat(reservation.giveBack(T0.plusSeconds(3))).isFalse();
    assertThat(reservation.release(T0.plusSeconds(3))).isFalse();
  }

  @Test
  void linesMustHoldSomething() {
    assertThatThrownBy(() -> new ReservationLine(UUID.randomUUID(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Reservation(
                    "default",
                    "orders",
                    UUID.randomUUID(),
                    null,
                    null,
                    List.of(),
                    T0,
                    Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
