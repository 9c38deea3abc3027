package io.opencommerce.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.auth.UserRegistered;
import org.junit.jupiter.api.Test;

class EventTypesTest {

  @Test
  void routingKeyCarriesNameAndVersion() {
    assertThat(EventTypes.routingKey(UserRegistered.class)).isEqualTo("UserRegistered.v1");
  }

  @Test
  void refusesClassesThatAreNotAnnotatedEvents() {
    assertThatThrownBy(() -> EventTypes.of(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }
}
