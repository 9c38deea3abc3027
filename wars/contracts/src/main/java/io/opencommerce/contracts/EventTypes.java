package io.opencommerce.contracts;

import java.util.Objects;

/** Reads the name, version and routing key of an {@link IntegrationEvent} class. */
public final class EventTypes {
  private EventTypes() {}

  public static EventType of(Class<?> eventClass) {
    Objects.requireNonNull(eventClass, "event class is required");
    EventType type = eventClass.getAnnotation(EventType.class);
    if (type == null || !IntegrationEvent.class.isAssignableFrom(eventClass)) {
      throw new IllegalArgumentException(
          eventClass.getName() + " is not an IntegrationEvent annotated with @EventType");
    }
    return type;
  }

  /** The routing key on the events exchange: {@code <name>.v<version>}. */
  public static String routingKey(Class<?> eventClass) {
    EventType type = of(eventClass);
    return routingKey(type.name(), type.version());
  }

  public static String routingKey(String name, int version) {
    return name + ".v" + version;
  }
}
