package io.opencommerce.questions.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FaqCacheTest {
  private static final byte[] JSON = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aValueIsServedAtTheVersionItWasBuiltAt() {
    byte[] cached = FaqCache.encode("7".getBytes(StandardCharsets.UTF_8), JSON);

    assertThat(FaqCache.decode(cached, "7".getBytes(StandardCharsets.UTF_8))).isEqualTo(JSON);
  }

  @Test
  void aValueOfAnotherVersionIsAMiss() {
    byte[] cached = FaqCache.encode("7".getBytes(StandardCharsets.UTF_8), JSON);

    assertThat(FaqCache.decode(cached, "8".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(FaqCache.decode(cached, "70".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(FaqCache.decode(cached, "".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(FaqCache.decode(null, "7".getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void searchesWithWildcardsMatchThemselves() {
    assertThat(FaqSearch.escapeLike("50%_off!")).isEqualTo("50!%!_off!!");
  }
}
