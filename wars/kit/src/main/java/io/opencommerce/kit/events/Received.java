package io.opencommerce.kit.events;

import jakarta.enterprise.util.AnnotationLiteral;
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
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Received {
  /** The qualifier as a value, for firing. */
  final class Literal extends AnnotationLiteral<Received> implements Received {
    private static final long serialVersionUID = 1L;
    public static final Literal INSTANCE = new Literal();
  }
}
