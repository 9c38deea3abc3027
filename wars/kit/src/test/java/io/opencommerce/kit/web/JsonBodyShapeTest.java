package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyShapeTest {
  record Line(String sku, int quantity) {}

  record Request(String name, Boolean active, List<Line> lines, Map<String, String> attributes) {}

  private static List<String> wrong(String json) {
    JsonValue value;
    try (var reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    }
    List<FieldViolation> wrong = new ArrayList<>();
    JsonBodyShape.check(value, Request.class, "", wrong);
    return wrong.stream().map(v -> v.field() + " " + v.message()).toList();
  }

  @Test
  void aBodyOfTheRightShapePasses() {
    assertThat(
            wrong(
                "{\"name\":\"Kettle\",\"active\":true,\"lines\":[{\"sku\":\"K-1\",\"quantity\":2}],"
                    + "\"attributes\":{\"colour\":\"steel\"}}"))
        .isEmpty();
    assertThat(wrong("{\"name\":null}")).as("absent and null are for Bean Validation").isEmpty();
  }

  @Test
  void anArrayIsNotTheObjectItHolds() {
    assertThat(wrong("[{\"name\":\"Kettle\"}]")).containsExactly(" must be a JSON object");
  }

  @Test
  void numbersAndBooleansAreNotStrings() {
    assertThat(
            wrong(
                "{\"name\":-1,\"active\":\"yes\",\"lines\":[{\"sku\":true,\"quantity\":1}],"
                    + "\"attributes\":{\"colour\":3}}"))
        .containsExactlyInAnyOrder(
            "name must be a string",
            "active must be true or false",
            "lines[0].sku must be a string",
            "attributes.colour must be a string");
  }

  @Test
  void listsAndRecordsKeepTheirShape() {
    assertThat(wrong("{\"lines\":{\"sku\":\"K-1\"}}"))
        .containsExactly("lines must be a JSON array");
    assertThat(wrong("{\"lines\":[\"K-1\"]}")).containsExactly("lines[0] must be a JSON object");
  }
}
