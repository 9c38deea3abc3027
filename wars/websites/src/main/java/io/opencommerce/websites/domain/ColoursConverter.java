package io.opencommerce.websites.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;

/** Stores a theme's named colours as a JSON object in one text column (null: none). */
@Converter
public class ColoursConverter implements AttributeConverter<Map<String, String>, String> {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type MAP =
      new TreeMap<String, String>() {}.getClass().getGenericSuperclass();

  @Override
  public String convertToDatabaseColumn(Map<String, String> colours) {
    return colours == null || colours.isEmpty() ? null : JSONB.toJson(new TreeMap<>(colours));
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String json) {
    return json == null || json.isBlank() ? new TreeMap<>() : JSONB.fromJson(json, MAP);
  }
}
