package io.opencommerce.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The platform's one access to distributed tracing (OpenTelemetry, from Liberty's mpTelemetry
 * feature, which traces every request served and every REST call made by itself).
 *
 * <p>What the kit adds: the trace context handed on where Liberty does not see it — the events
 * through the outbox and RabbitMQ ({@link #traceparent()} into the envelope, {@link #consuming}
 * around the handler) and the calls made on {@code ParallelCalls}' threads ({@link #capture},
 * {@link #attach}) — and the trace and span ids of every log record ({@link
 * io.opencommerce.kit.logging.LogFields}).
 *
 * <p>Every method works without tracing: when the OpenTelemetry API is not visible to the
 * application (a server without the feature, or an application without {@code <classloader
 * apiTypeVisibility="+third-party"/>}) or the SDK is disabled, there is no current span; then the
 * incoming {@code traceparent} is handed on unchanged, and work runs without a span.
 */
public final class Traces {
  private static final Logger LOG = Logger.getLogger(Traces.class.getName());

  /** Whether the OpenTelemetry API can be loaded from here. */
  static final boolean AVAILABLE = visible();

  private Traces() {}

  /**
   * The current span's context as a W3C {@code traceparent} value, or null when no span is
   * recording here (tracing disabled, or outside a request).
   */
  public static String traceparent() {
    return AVAILABLE ? Otel.traceparent() : null;
  }

  /** The current trace's id (32 hex digits), or null without a current span. */
  public static String traceId() {
    return AVAILABLE ? Otel.traceId() : null;
  }

  /** The current span's id (16 hex digits), or null without a current span. */
  public static String spanId() {
    return AVAILABLE ? Otel.spanId() : null;
  }

  /**
   * The current trace context, to be {@linkplain #attach attached} on another thread; null when
   * tracing is unavailable.
   */
  public static Object capture() {
    return AVAILABLE ? Otel.capture() : null;
  }

  /**
   * Makes {@code captured} the current trace context until the returned handle is closed, so that
   * what runs meanwhile (a REST call made on a pool thread) belongs to the captured trace.
   */
  public static AutoCloseable attach(Object captured) {
    return AVAILABLE && captured != null ? Otel.attach(captured) : () -> {};
  }

  /**
   * Runs {@code work} in a consumer span named {@code name}, child of the trace context {@code
   * traceparent} carried by a message (null: a new trace), so that what the handler does and logs
   * joins the trace of the request that published the event. A failure marks the span and
   * propagates.
   */
  public static <T, E extends Exception> T consuming(
      String name, String traceparent, Work<T, E> work) throws E {
    return AVAILABLE ? Otel.consuming(name, traceparent, work) : work.run();
  }

  /** Work done in a span: it answers a value or fails, with a checked exception of its own too. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Finds the application's tracer (mpTelemetry's CDI bean), once, on a thread of the starting
   * application ({@link TracingStartup}); until then, and where there is none, events are handled
   * without a span of their own.
   */
  static void lookUpTracer() {
    if (AVAILABLE) {
      Otel.lookUpTracer();
    }
  }

  private static boolean visible() {
    try {
      Class.forName("io.opentelemetry.api.trace.Span", false, Traces.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The code that touches OpenTelemetry types, loaded only when they are visible. */
  private static final class Otel {
    private static final TextMapGetter<String> TRACEPARENT =
        new TextMapGetter<>() {
          @Override
          public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
          }

          @Override
          public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
          }
        };

    private static volatile Tracer tracer;

    static String traceparent() {
      SpanContext span = Span.current().getSpanContext();
      if (!span.isValid()) {
        return null;
      }
      return "00-"
          + span.getTraceId()
          + "-"
          + span.getSpanId()
          + "-"
          + span.getTraceFlags().asHex();
    }

    static String traceId() {
      SpanContext span = Span.current().getSpanContext();
      return span.isValid() ? span.getTraceId() : null;
    }

    static String spanId() {
      SpanContext span = Span.current().getSpanContext();
      return span.isValid() ? span.getSpanId() : null;
    }

    static Object capture() {
      return Context.current();
    }

    static AutoCloseable attach(Object captured) {
      Scope scope = ((Context) captured).makeCurrent();
      return scope::close;
    }

    static <T, E extends Exception> T consuming(String name, String traceparent, Work<T, E> work)
        throws E {
      Tracer spans = tracer();
      if (spans == null) {
        return work.run();
      }
      Context parent =
          traceparent == null
              ? Context.root()
              : W3CTraceContextPropagator.getInstance()
                  .extract(Context.root(), traceparent, TRACEPARENT);
      Span span =
          spans
              .spanBuilder(name)
              .setParent(parent)
              .setSpanKind(SpanKind.CONSUMER)
              .setAttribute("messaging.system", "rabbitmq")
              .setAttribute("messaging.operation.type", "process")
              .startSpan();
      try (Scope ignored = span.makeCurrent()) {
        return work.run();
      } catch (Exception | Error e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR);
        throw e;
      } finally {
        span.end();
      }
    }

    /** The tracer {@link #lookUpTracer} found; null before, or where there is none. */
    private static Tracer tracer() {
      return tracer;
    }

    static void lookUpTracer() {
      if (tracer != null) {
        return;
      }
      try {
        tracer = CDI.current().select(Tracer.class).get();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "No OpenTelemetry tracer: events are handled without spans", e);
      }
    }
  }
}
