package io.opencommerce.kit.events;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** The JSON-B instance event payloads are written and read with (thread-safe, built once). */
final class EventJson {
  static final Jsonb JSONB = JsonbBuilder.create();

  private EventJson() {}
}
