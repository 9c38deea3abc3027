package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestSizeLimitFilterTest {
  @Test
  void passesBodiesUpToTheLimit() throws Exception {
    InputStream in =
        new RequestSizeLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
    assertThat(in.readAllBytes()).hasSize(100);
  }

  @Test
  void failsTheReadThatPassesTheLimit() {
    InputStream in =
        new RequestSizeLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
    assertThatThrownBy(in::readAllBytes)
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(413));
  }
}
