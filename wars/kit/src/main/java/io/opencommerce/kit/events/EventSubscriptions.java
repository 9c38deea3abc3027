package io.opencommerce.kit.events;

import io.opencommerce.contracts.IntegrationEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, at deployment, every {@code @Observes @Received SomeEvent} method of the service: those
 * event types are what the service subscribes to.
 */
public class EventSubscriptions implements Extension {
  private final Set<Class<? extends IntegrationEvent>> received = ConcurrentHashMap.newKeySet();

  <T, X> void collect(@Observes ProcessObserverMethod<T, X> event) {
    boolean fromBroker =
        event.getObserverMethod().getObservedQualifiers().stream()
            .anyMatch(q -> q.annotationType() == Received.class);
    Type type = event.getObserverMethod().getObservedType();
    if (fromBroker
        && type instanceof Class<?> eventClass
        && IntegrationEvent.class.isAssignableFrom(eventClass)) {
      received.add(eventClass.asSubclass(IntegrationEvent.class));
    }
  }

  /** The event types this service consumes. */
  public Set<Class<? extends IntegrationEvent>> received() {
    return Set.copyOf(received);
  }
}
