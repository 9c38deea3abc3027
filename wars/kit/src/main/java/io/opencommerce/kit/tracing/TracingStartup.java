package io.opencommerce.kit.tracing;

import io.opencommerce.kit.logging.LogFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/**
 * When the application starts: the current trace and span ids into every log record ({@code
 * ext_traceId}, {@code ext_spanId}; none outside a traced request or event), and the tracer for the
 * events' spans ({@link Traces#consuming}).
 */
@ApplicationScoped
class TracingStartup {
  void start(@Observes Startup startup) {
    LogFields.always("traceId", Traces::traceId);
    LogFields.always("spanId", Traces::spanId);
    Traces.lookUpTracer();
  }
}
