package io.opencommerce.kit.web;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Admits at most {@code platform.limits.<name>.max-concurrent} executions of the annotated resource
 * methods at once (default {@link #maxConcurrent}); a request that finds no room within {@code
 * platform.limits.<name>.max-wait-ms} (default {@link #maxWaitMillis}) is answered at once with 503
 * {@code overloaded} and {@code Retry-After}, before any of its work starts. Put it on the costly
 * requests that call other services (a checkout), so that past what the server can serve it sheds
 * load honestly instead of letting threads queue until timeouts fire.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Admission {
  /** The limit's name in configuration; methods naming the same limit share it. */
  @Nonbinding
  String value();

  @Nonbinding
  int maxConcurrent() default 64;

  @Nonbinding
  long maxWaitMillis() default 1000;
}
