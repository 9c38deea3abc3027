package io.opencommerce.kit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdListTest {
  @Test
  void oneMarkPerId() {
    assertThat(IdList.expand("SELECT 1 FROM t WHERE site = ? AND id IN ({ids})", 3))
        .isEqualTo("SELECT 1 FROM t WHERE site = ? AND id IN (?,?,?)");
  }

  @Test
  void anEmptyListOrAMissingMarkerIsAMistake() {
    assertThatThrownBy(() -> IdList.expand("SELECT 1 FROM t WHERE id IN ({ids})", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdList.expand("SELECT 1 FROM t WHERE id IN (?)", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
