package io.opencommerce.it.support;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Request bodies and event payloads from typed values: a client jar's request record (or a
 * contract's event record) serialized with JSON-B, as the services read it back. A renamed field
 * then breaks the build of the suites, not their run. JSON-B leaves null fields out, so a record
 * with only some fields set sends only those.
 *
 * <p>Bodies no record describes (a value of the wrong JSON type, on purpose) are built with JSON-P
 * where they are used; deliberately broken or oversized ones stay the literal text they are.
 */
public final class Bodies {
  private static final Jsonb JSONB = JsonbBuilder.create();

  private Bodies() {}

  /** {@code value} as JSON text. */
  public static String json(Object value) {
    return JSONB.toJson(value);
  }

  /** An answer's JSON body as the client jar's record {@code type}. */
  public static <T> T read(String json, Class<T> type) {
    return JSONB.fromJson(json, type);
  }
}
