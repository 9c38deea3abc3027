package io.opencommerce.storefront.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiJsonTest {
  /** The platform's public API document the storefront serves in Kubernetes. */
  static final Path PLATFORM_DOCUMENT = Path.of("../../kube/base/storefront/openapi.json");

  @BeforeAll
  static void models() {
    RecordingModels.install();
  }

  @Test
  void thePlatformsDocumentIsReadWholeWithNothingLost() throws IOException {
    JsonObject document = parse(Files.readString(PLATFORM_DOCUMENT, StandardCharsets.UTF_8));

    OpenAPI model = OpenApiJson.toModel(document);

    assertThat(RecordingModels.json(model)).isEqualTo(document);
  }

  @Test
  void eachFieldGetsTheTypeItsSetterTakes() {
    OpenAPI model =
        OpenApiJson.toModel(
            parse(
                """
                {"openapi": "3.1.0",
                 "paths": {"/shop/api/items/{id}": {"get": {
                   "parameters": [{"name": "id", "in": "path", "required": true,
                                   "schema": {"type": ["string", "null"], "maxLength": 36}}],
                   "responses": {"200": {"description": "OK", "content": {"application/json": {
                                  "schema": {"$ref": "#/components/schemas/Item"}}}},
                                 "default": {"description": "A problem"}},
                   "security": [{"jwt": []}], "x-audience": "shops"}}},
                 "components": {"schemas": {"Item": {"type": "object",
                   "properties": {"price": {"type": "number", "minimum": 0.00}},
                   "additionalProperties": false, "required": ["price"]}}}}
                """));

    Map<String, Object> paths = RecordingModels.recorded(model.getPaths());
    Object get =
        RecordingModels.recorded(((Map<?, ?>) paths.get("pathItems")).get("/shop/api/items/{id}"))
            .get("GET");
    Map<String, Object> operation = RecordingModels.recorded(get);
    Map<String, Object> parameter =
        RecordingModels.recorded(((List<?>) operation.get("parameters")).get(0));
    assertThat(parameter.get("in")).isEqualTo(Parameter.In.PATH);
    assertThat(parameter.get("required")).isEqualTo(true);
    Map<String, Object> idSchema = RecordingModels.recorded(parameter.get("schema"));
    assertThat(idSchema.get("type"))
        .isEqualTo(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL));
    assertThat(idSchema.get("maxLength")).isEqualTo(36);
    Map<String, Object> responses = RecordingModels.recorded(operation.get("responses"));
    assertThat(((Map<?, ?>) responses.get("APIResponses")).keySet()).isEqualTo(Set.of("200"));
    assertThat(responses.get("defaultValue")).isNotNull();
    assertThat(((Map<?, ?>) operation.get("extensions")).get("x-audience")).isEqualTo("shops");

    Map<String, Object> item =
        RecordingModels.recorded(
            ((Map<?, ?>) RecordingModels.recorded(model.getComponents()).get("schemas"))
                .get("Item"));
    Map<String, Object> price =
        RecordingModels.recorded(((Map<?, ?>) item.get("properties")).get("price"));
    assertThat(price.get("minimum")).isEqualTo(new BigDecimal("0.00"));
    assertThat(RecordingModels.recorded(item.get("additionalProperties")))
        .containsEntry("booleanSchema", false);
    assertThat(item.get("required")).isEqualTo(List.of("price"));
  }

  @Test
  void aFieldTheModelHasNoPlaceForIsRefusedWithItsLocation() {
    assertThatThrownBy(
            () ->
                OpenApiJson.toModel(
                    parse(
                        """
                        {"paths": {"/a/api/b": {"get": {"summary": "B", "cost": 3}}}}
                        """)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#/paths/~1a~1api~1b/get/cost")
        .hasMessageContaining("Operation has no field named cost");
  }

  @Test
  void aValueOfTheWrongKindIsRefusedWithItsLocation() {
    assertThatThrownBy(
            () -> OpenApiJson.toModel(parse("{\"info\": {\"title\": 1, \"version\": \"1\"}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("#/info/title: expected string, found number");
    assertThatThrownBy(
            () ->
                OpenApiJson.toModel(
                    parse(
                        "{\"paths\": {\"/a/api\": {\"get\": {\"parameters\": [{\"name\": \"x\","
                            + " \"in\": \"body\"}]}}}}")))
        .hasMessage("#/paths/~1a~1api/get/parameters/0/in: not a In: body");
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
