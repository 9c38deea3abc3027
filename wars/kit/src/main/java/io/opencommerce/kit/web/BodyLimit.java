package io.opencommerce.kit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises (or lowers) the request body limit of one resource method, e.g. an upload, above the
 * service-wide {@code platform.request.max-bytes}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {
  /** The largest body this method accepts, in bytes. */
  long bytes();
}
