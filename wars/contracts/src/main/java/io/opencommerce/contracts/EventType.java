package io.opencommerce.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an integration event and the version of its payload. A breaking change to a record gets a
 * new version (and, while consumers move over, a new record), never a silent edit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
  /** Stable name, in the past tense: {@code UserRegistered}. */
  String name();

  /** Payload version, starting at 1. */
  int version() default 1;

  /**
   * The payload carries a secret (a one-time token): the publisher's outbox deletes it as soon as
   * the broker has taken it, instead of keeping it readable until its retention ends.
   */
  boolean sensitive() default false;
}
