package io.opencommerce.kit.web;

import io.opencommerce.kit.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Applies {@link Admission}: one fair semaphore per limit name. MicroProfile Fault Tolerance's
 * bulkhead was the other choice: its synchronous form has no waiting room (a burst one over the
 * limit fails although a slot frees within milliseconds) and its queued form runs the method on
 * another thread of the same executor. Turned-away requests are counted in {@code
 * requests_shed_total{limit}}.
 */
@Admission("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AdmissionInterceptor {
  private static final Map<String, Limit> LIMITS = new ConcurrentHashMap<>();

  /** A limit as configured when it was first used: its slots and how long a request may wait. */
  private record Limit(Semaphore slots, long waitMillis) {
    static Limit of(Admission admission) {
      var config = ConfigProvider.getConfig();
      String prefix = "platform.limits." + admission.value() + ".";
      return new Limit(
          new Semaphore(
              config
                  .getOptionalValue(prefix + "max-concurrent", Integer.class)
                  .orElse(admission.maxConcurrent()),
              true),
          config
              .getOptionalValue(prefix + "max-wait-ms", Long.class)
              .orElse(admission.maxWaitMillis()));
    }
  }

  @Inject MetricRegistry metrics;

  @AroundInvoke
  Object admit(InvocationContext invocation) throws Exception {
    Admission admission = bindingOf(invocation);
    Limit limit = LIMITS.computeIfAbsent(admission.value(), name -> Limit.of(admission));
    Semaphore slots = limit.slots();
    if (!slots.tryAcquire(limit.waitMillis(), TimeUnit.MILLISECONDS)) {
      metrics.counter("requests_shed", new Tag("limit", admission.value())).inc();
      throw ProblemException.overloaded(Duration.ofSeconds(1));
    }
    try {
      return invocation.proceed();
    } finally {
      slots.release();
    }
  }

  private static Admission bindingOf(InvocationContext invocation) {
    Admission onMethod = invocation.getMethod().getAnnotation(Admission.class);
    return onMethod != null
        ? onMethod
        : invocation.getMethod().getDeclaringClass().getAnnotation(Admission.class);
  }
}
