package io.opencommerce.storefront.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformApiDocumentTest {
  private static final List<String> SERVICES =
      List.of(
          "auth",
          "products",
          "baskets",
          "orders",
          "deliveries",
          "addresses",
          "websites",
          "sav",
          "contacts",
          "newsletters",
          "questions",
          "storefront");

  @BeforeAll
  static void models() {
    RecordingModels.install();
  }

  @Test
  void withoutTheKeyItAddsNothing() {
    assertThat(PlatformApiDocument.model(Optional.empty(), false)).isNull();
    assertThat(PlatformApiDocument.model(Optional.of("  "), true)).isNull();
  }

  @Test
  void withTheKeyTheModelIsThePlatformsWholeDocument() {
    OpenAPI model =
        PlatformApiDocument.model(Optional.of(OpenApiJsonTest.PLATFORM_DOCUMENT.toString()), true);

    assertThat(model).isNotNull();
    var paths = model.getPaths().getPathItems().keySet();
    for (String service : SERVICES) {
      assertThat(paths)
          .as("paths of %s", service)
          .anyMatch(p -> p.startsWith("/" + service + "/api/"));
    }
    // The storefront's own operations are in it, under its context root.
    assertThat(paths)
        .contains(
            "/storefront/api/product-pages/{productId}",
            "/storefront/api/order-pages/{orderId}",
            "/storefront/api/account");
    Map<String, Object> components = RecordingModels.recorded(model.getComponents());
    Map<String, Object> jwt =
        RecordingModels.recorded(((Map<?, ?>) components.get("securitySchemes")).get("jwt"));
    assertThat(jwt.get("type").toString()).isEqualTo("http");
    assertThat(jwt).containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
    // Served relative to the host that serves it (the edge), not to the server it was made on.
    assertThat(model.getServers()).hasSize(1);
    assertThat(RecordingModels.recorded(model.getServers().get(0))).containsEntry("url", "/");
  }

  @Test
  void aMissingOrBrokenDocumentServesNone(@TempDir Path dir) throws IOException {
    assertThat(PlatformApiDocument.model(Optional.of(dir.resolve("none.json").toString()), true))
        .isNull();
    Path yaml = Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.1.0\n");
    assertThat(PlatformApiDocument.model(Optional.of(yaml.toString()), true)).isNull();
    Path unknown = Files.writeString(dir.resolve("openapi.json"), "{\"paths\": {\"/a\": 1}}");
    assertThat(PlatformApiDocument.model(Optional.of(unknown.toString()), true)).isNull();
  }
}
