package io.opencommerce.products.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;

/** Stores a product's free-form attributes as a JSON object in one text column. */
@Converter
public class AttributesConverter implements AttributeConverter<Map<String, String>, String> {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type MAP =
      new TreeMap<String, String>() {}.getClass().getGenericSuperclass();

  @Override
  public String convertToDatabaseColumn(Map<String, String> attributes) {
    return attributes == null || attributes.isEmpty() ? null : JSONB.toJson(attributes);
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String json) {
    return json == null || json.isBlank() ? new TreeMap<>() : JSONB.fromJson(json, MAP);
  }
}
