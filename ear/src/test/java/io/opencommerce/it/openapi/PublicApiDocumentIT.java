package io.opencommerce.it.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's public API document: one OpenAPI document for every service's API, with the bearer
 * JWT scheme, as the edge serves it. The all-in-one server's {@code /openapi} is where the runtime
 * merges the services' own documents (one per WAR); its normalised form is committed as
 * kube/base/storefront/openapi.json, which Kubernetes mounts into the storefront, whose server
 * serves it at {@code /storefront/openapi} (Swagger UI at {@code /storefront/openapi/ui/}).
 *
 * <p>Normalised: keys sorted, two-space indentation, and the one field that depends on the request
 * ({@code servers}: the host and ports it was asked on) replaced by the relative server {@code /},
 * so that the paths ({@code /<service>/api/…}) resolve against the host that served the document,
 * the edge. When the API changes, this test fails until the copy is refreshed with {@link #REFRESH}
 * ({@code -Dopenapi.update=true} writes the copy instead of comparing it).
 */
class PublicApiDocumentIT {
  /** Every service, by its context root: each has paths under /<service>/api/. */
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

  static final String REFRESH =
      "mvn -pl ear verify -Dplatform.running=true -Dit.test=PublicApiDocumentIT"
          + " -Dopenapi.update=true";

  /**
   * Client-side {@code kubectl apply} keeps a copy of each object it applies in an annotation, and
   * an object's annotations hold at most 256 KiB: the document, as a JSON string in that copy, must
   * leave room for the rest of its ConfigMap.
   */
  private static final int APPLY_ANNOTATION_BUDGET = 248 * 1024;

  private static final Path COMMITTED = committedCopy();

  private static JsonObject live;

  @BeforeAll
  static void fetch() {
    Reply reply =
        Platform.request(
            "GET", "/openapi?format=JSON", Platform.headers("Accept", "application/json"), null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    live = reply.json();
  }

  @Test
  void everyServicesApiIsInOneDocument() {
    Set<String> paths = live.getJsonObject("paths").keySet();
    // Merged: each path carries its service's context root (a single service's document would
    // have /api/... paths and the context root in its server URL).
    assertThat(paths)
        .allSatisfy(
            path ->
                assertThat(SERVICES.stream().anyMatch(s -> path.startsWith("/" + s + "/api/")))
                    .as("%s is under /<service>/api/ of a service", path)
                    .isTrue());
    for (String service : SERVICES) {
      assertThat(paths)
          .as("paths of %s", service)
          .anyMatch(p -> p.startsWith("/" + service + "/api/"));
    }
    // The storefront's own annotations are in it, as for every other service.
    assertThat(paths)
        .contains(
            "/storefront/api/product-pages/{productId}",
            "/storefront/api/order-pages/{orderId}",
            "/storefront/api/account",
            "/auth/api/sessions",
            "/products/api/products/{id}",
            "/orders/api/orders");
  }

  @Test
  void theBearerJwtSchemeIsDeclaredAndUsed() {
    JsonObject schemes = live.getJsonObject("components").getJsonObject("securitySchemes");
    assertThat(schemes.keySet()).containsExactly("jwt");
    JsonObject jwt = schemes.getJsonObject("jwt");
    assertThat(jwt.getString("type")).isEqualTo("http");
    assertThat(jwt.getString("scheme")).isEqualTo("bearer");
    assertThat(jwt.getString("bearerFormat")).isEqualTo("JWT");

    Set<String> required = new TreeSet<>();
    Set<String> services = new TreeSet<>();
    live.getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (operation.getValueType() == JsonValue.ValueType.OBJECT
                              && operation.asJsonObject().containsKey("security")) {
                            for (JsonValue requirement :
                                operation.asJsonObject().getJsonArray("security")) {
                              required.addAll(requirement.asJsonObject().keySet());
                            }
                            services.add(path.substring(1, path.indexOf('/', 1)));
                          }
                        }));
    assertThat(required).as("schemes the operations require").containsExactly("jwt");
    assertThat(services).as("services with operations that require a token").contains("storefront");
    assertThat(
            live.getJsonObject("paths")
                .getJsonObject("/storefront/api/account")
                .getJsonObject("get")
                .getJsonArray("security")
                .getJsonObject(0)
                .keySet())
        .containsExactly("jwt");
  }

  @Test
  void theCommittedCopyIsTheCurrentDocument() throws IOException {
    String current = canonical(normalised(live));
    if (Boolean.getBoolean("openapi.update")) {
      Files.writeString(COMMITTED, current, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.isRegularFile(COMMITTED)) {
      fail("%s is missing. Write it with:%n  %s", COMMITTED, REFRESH);
    }
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    if (!committed.equals(current)) {
      fail(
          "%s is not the platform's current API document (%s). Review the change, then refresh"
              + " the copy with:%n  %s%nand commit it: the edge serves this copy.",
          COMMITTED, differences(committed, normalised(live)), REFRESH);
    }
  }

  @Test
  void theCommittedCopyFitsItsConfigMap() throws IOException {
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    int size = quoted(committed).getBytes(StandardCharsets.UTF_8).length;
    assertThat(size)
        .as(
            "%s as a JSON string (%d bytes) no longer leaves room in the annotation client-side"
                + " kubectl apply keeps (256 KiB): apply with --server-side, or write the copy"
                + " without indentation",
            COMMITTED, size)
        .isLessThan(APPLY_ANNOTATION_BUDGET);
  }

  /** The document without what depends on the request, served relative to its own host. */
  static JsonObject normalised(JsonObject document) {
    JsonObjectBuilder copy = Json.createObjectBuilder(document).remove("servers");
    copy.add(
        "servers",
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("url", "/")
                    .add(
                        "description", "The host that serves this document: the platform's edge")));
    return copy.build();
  }

  /** JSON with sorted keys, two-space indentation and a final newline: one text per document. */
  static String canonical(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, "", out);
    return out.append('\n').toString();
  }

  private static void write(JsonValue value, String indent, StringBuilder out) {
    String inner = indent + "  ";
    switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, JsonValue> sorted = new TreeMap<>(value.asJsonObject());
        if (sorted.isEmpty()) {
          out.append("{}");
          return;
        }
        out.append("{\n");
        String separator = "";
        for (Map.Entry<String, JsonValue> field : sorted.entrySet()) {
          out.append(separator).append(inner).append(quoted(field.getKey())).append(": ");
          write(field.getValue(), inner, out);
          separator = ",\n";
        }
        out.append('\n').append(indent).append('}');
      }
      case ARRAY -> {
        JsonArray array = value.asJsonArray();
        if (array.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append("[\n");
        String separator = "";
        for (JsonValue item : array) {
          out.append(separator).append(inner);
          write(item, inner, out);
          separator = ",\n";
        }
        out.append('\n').append(indent).append(']');
      }
      case STRING -> out.append(quoted(((JsonString) value).getString()));
      default -> out.append(value); // numbers as written, true, false, null
    }
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** What changed, in terms a reviewer can check: paths and components added, removed, changed. */
  private static String differences(String committedText, JsonObject current) {
    JsonObject committed;
    try (JsonReader reader = Json.createReader(new StringReader(committedText))) {
      committed = reader.readObject();
    } catch (RuntimeException e) {
      return "the copy is not JSON: " + e.getMessage();
    }
    List<String> changes = new ArrayList<>();
    compare("path", object(committed, "paths"), object(current, "paths"), changes);
    JsonObject oldComponents = object(committed, "components");
    JsonObject newComponents = object(current, "components");
    for (String kind : new TreeSet<>(union(oldComponents.keySet(), newComponents.keySet()))) {
      compare(kind, object(oldComponents, kind), object(newComponents, kind), changes);
    }
    for (String field : new TreeSet<>(union(committed.keySet(), current.keySet()))) {
      if (!field.equals("paths")
          && !field.equals("components")
          && !canonical(field, committed).equals(canonical(field, current))) {
        changes.add("field " + field + " changed");
      }
    }
    return changes.isEmpty() ? "its text differs: formatting" : String.join("; ", changes);
  }

  private static void compare(String kind, JsonObject before, JsonObject after, List<String> out) {
    for (String name : new TreeSet<>(union(before.keySet(), after.keySet()))) {
      if (!before.containsKey(name)) {
        out.add(kind + " " + name + " added");
      } else if (!after.containsKey(name)) {
        out.add(kind + " " + name + " removed");
      } else if (!canonical(before.get(name)).equals(canonical(after.get(name)))) {
        out.add(kind + " " + name + " changed");
      }
    }
  }

  private static JsonObject object(JsonObject parent, String name) {
    JsonValue value = parent.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
        ? value.asJsonObject()
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String canonical(String field, JsonObject document) {
    JsonValue value = document.get(field);
    return value == null ? "" : canonical(value);
  }

  /** kube/base/storefront/openapi.json of this repository (the ear module's parent folder). */
  private static Path committedCopy() {
    String libertyConfig = System.getProperty("liberty.config.dir"); // <repository>/liberty-config
    Path root = libertyConfig != null ? Path.of(libertyConfig).getParent() : Path.of("..");
    return root.resolve("kube/base/storefront/openapi.json").toAbsolutePath().normalize();
  }
}
