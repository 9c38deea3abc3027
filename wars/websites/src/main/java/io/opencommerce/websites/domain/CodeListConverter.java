package io.opencommerce.websites.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Stores a list of codes (languages, countries: letters only, never a comma) as one comma-separated
 * column, in their order.
 */
@Converter
public class CodeListConverter implements AttributeConverter<List<String>, String> {
  @Override
  public String convertToDatabaseColumn(List<String> codes) {
    return codes == null ? "" : String.join(",", codes);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null || column.isBlank() ? List.of() : List.of(column.split(","));
  }
}
