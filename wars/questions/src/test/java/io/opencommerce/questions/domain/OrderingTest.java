package io.opencommerce.questions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.questions.domain.Ordering.InvalidOrderException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingTest {

  @Test
  void theIdsNamedComeFirstInTheOrderNamed() {
    assertThat(Ordering.reorder(List.of("a", "b", "c", "d"), List.of("d", "b", "a", "c")))
        .containsExactly("d", "b", "a", "c");
  }

  @Test
  void theOthersKeepTheirOrderAfterThem() {
    assertThat(Ordering.reorder(List.of("a", "b", "c", "d"), List.of("c")))
        .containsExactly("c", "a", "b", "d");
  }

  @Test
  void anIdOfAnotherCategoryIsRefusedNamingItsIndex() {
    assertThatThrownBy(() -> Ordering.reorder(List.of("a", "b"), List.of("b", "x")))
        .isInstanceOfSatisfying(
            InvalidOrderException.class, e -> assertThat(e.index()).isEqualTo(1));
  }

  @Test
  void anIdNamedTwiceIsRefused() {
    assertThatThrownBy(() -> Ordering.reorder(List.of("a", "b"), List.of("a", "b", "a")))
        .isInstanceOfSatisfying(
            InvalidOrderException.class,
            e -> {
              assertThat(e.index()).isEqualTo(2);
              assertThat(e.getMessage()).contains("more than once");
            });
  }
}
