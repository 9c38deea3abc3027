package io.opencommerce.storefront.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * The JSON of a part's data: the other service's answer as JSON-B writes it, with every member
 * present ({@code null} written out), so that a shop front reads one shape whatever is missing.
 */
final class PartJson {
  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  private PartJson() {}

  static String of(Object value) {
    return value == null ? "null" : JSONB.toJson(value);
  }
}
