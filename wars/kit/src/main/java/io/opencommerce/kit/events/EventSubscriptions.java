package io.opencommerce.kit.events;

import io.opencommerce.contracts.IntegrationEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, at deployment, every {@code @Observes @Received SomeEvent} method of the service: those
 * event types are what the service subscribes to, and a type whose observers all declare {@link
 * Received#inAnyOrder()} may be consumed concurrently.
 */
public class EventSubscriptions implements Extension {
  /** Event type → whether every observer of it takes its events in any order. */
  private final Map<Class<? extends IntegrationEvent>, Boolean> received =
      new ConcurrentHashMap<>();

  <T, X> void collect(@Observes ProcessObserverMethod<T, X> event) {
    Received fromBroker =
        event.getObserverMethod().getObservedQualifiers().stream()
            .filter(Received.class::isInstance)
            .map(Received.class::cast)
            .findFirst()
            .orElse(null);
    Type type = event.getObserverMethod().getObservedType();
    if (fromBroker != null
        && type instanceof Class<?> eventClass
        && IntegrationEvent.class.isAssignableFrom(eventClass)) {
      received.merge(
          eventClass.asSubclass(IntegrationEvent.class),
          fromBroker.inAnyOrder(),
          Boolean::logicalAnd);
    }
  }

  /** The event types this service consumes. */
  public Set<Class<? extends IntegrationEvent>> received() {
    return Set.copyOf(received.keySet());
  }

  /** Whether every observer of {@code type} takes its events in any order and at the same time. */
  public boolean inAnyOrder(Class<? extends IntegrationEvent> type) {
    return received.getOrDefault(type, false);
  }
}
