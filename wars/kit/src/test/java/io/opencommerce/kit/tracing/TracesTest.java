package io.opencommerce.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Without a tracing SDK (as on a server with tracing off), work runs unchanged and spanless. */
class TracesTest {

  @Test
  void withoutASpanThereIsNoContextToHandOn() {
    assertThat(Traces.traceparent()).isNull();
    assertThat(Traces.traceId()).isNull();
    assertThat(Traces.spanId()).isNull();
  }

  @Test
  void anEventsWorkRunsAndItsFailurePropagates() {
    assertThat(Traces.consuming("OrderPlaced process", null, () -> "handled")).isEqualTo("handled");
    assertThat(
            Traces.consuming(
                "OrderPlaced process",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                () -> "handled"))
        .isEqualTo("handled");
    assertThatThrownBy(
            () ->
                Traces.consuming(
                    "OrderPlaced process",
                    null,
                    () -> {
                      throw new IllegalStateException("handler failed");
                    }))
        .hasMessage("handler failed");
  }

  @Test
  void aCapturedContextAttachesAndDetaches() throws Exception {
    Object captured = Traces.capture();
    try (AutoCloseable attached = Traces.attach(captured)) {
      assertThat(Traces.traceId()).isNull();
    }
    try (AutoCloseable nothing = Traces.attach(null)) {
      assertThat(Traces.traceparent()).isNull();
    }
  }
}
