package io.opencommerce.kit.events;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration event that arrived from another service through RabbitMQ. Observing
 * {@code @Observes @Received OrderPlaced} is all a service writes to consume an event: the bridge
 * declares the queue, de-duplicates through the inbox, and calls the observer inside the
 * transaction that records the event as handled.
 *
 * <p>A queue is read one message at a time, in the order the broker holds them, unless every
 * observer of its event type declares {@link #inAnyOrder()}: then several consumers ({@code
 * events.consumers-per-queue}) read it at once, which keeps a busy queue from falling behind the
 * requests that fill it.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Received {
  /**
   * Whether events of this type may be handled in any order and at the same time: true when each
   * event concerns its own aggregate (one {@code OrderPlaced} per order) or when handling commutes
   * (versioned upserts that keep the newest). Locks taken by the handler must then follow one order
   * (by id), so that concurrent handlers never deadlock.
   */
  @Nonbinding
  boolean inAnyOrder() default false;

  /** The qualifier as a value, for firing. */
  final class Literal extends AnnotationLiteral<Received> implements Received {
    private static final long serialVersionUID = 1L;
    public static final Literal INSTANCE = new Literal();

    @Override
    public boolean inAnyOrder() {
      return false;
    }
  }
}
