package io.opencommerce.storefront.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The storefront's OpenAPI model reader ({@code mp.openapi.model.reader}): on the storefront's own
 * server (Kubernetes), the whole platform's public API, read from the JSON document that {@value
 * #DOCUMENT} names, so that the server's OpenAPI endpoint (at {@code /storefront/openapi}, Swagger
 * UI at {@code /storefront/openapi/ui/}) describes every service's API, not just its own.
 *
 * <p>Without that key it adds nothing: in the all-in-one server the runtime merges every WAR's own
 * document (the storefront's included) at {@code /openapi} by itself. The document is the one the
 * all-in-one server produces (kube/base/storefront/openapi.json, kept current by the ear module's
 * PublicApiDocumentIT); it already holds the storefront's own paths, so the server that serves it
 * must not scan the storefront's annotations too ({@code mp.openapi.scan.disable=true}), or they
 * would be listed a second time, relative to the storefront's context root. A missing or unreadable
 * document is logged and leaves the model empty; the storefront's pages do not depend on it.
 */
public class PlatformApiDocument implements OASModelReader {
  /** Where the platform's document is (a JSON file); unset: the storefront's own document only. */
  static final String DOCUMENT = "storefront.openapi.platform-document";

  static final String SCAN_DISABLE = "mp.openapi.scan.disable";

  private static final Logger LOG = Logger.getLogger(PlatformApiDocument.class.getName());

  @Override
  public OpenAPI buildModel() {
    Config config = ConfigProvider.getConfig(PlatformApiDocument.class.getClassLoader());
    return model(
        config.getOptionalValue(DOCUMENT, String.class),
        config.getOptionalValue(SCAN_DISABLE, Boolean.class).orElse(false));
  }

  /** The model for these settings: null without a document, else the document's (or null). */
  static OpenAPI model(Optional<String> document, boolean scanDisabled) {
    Optional<String> file = document.map(String::strip).filter(s -> !s.isEmpty());
    if (file.isEmpty()) {
      return null;
    }
    if (!scanDisabled) {
      LOG.warning(
          () ->
              DOCUMENT
                  + " is set but "
                  + SCAN_DISABLE
                  + " is not true: the storefront's own paths will be listed twice, from the"
                  + " platform's document (/storefront/api/...) and from its annotations (/api/...)");
    }
    return read(Path.of(file.get()));
  }

  /** The document in {@code file} as a model, or null (logged) when it cannot be read. */
  static OpenAPI read(Path file) {
    if (!Files.isReadable(file)) {
      LOG.severe(
          () ->
              DOCUMENT
                  + " names "
                  + file
                  + ", which is not a readable file: the platform's API document is not served");
      return null;
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader json = Json.createReader(in)) {
      OpenAPI model = OpenApiJson.toModel(json.readObject());
      int paths = model.getPaths() == null ? 0 : model.getPaths().getPathItems().size();
      LOG.info(() -> "Serving the platform's API document " + file + ": " + paths + " paths");
      return model;
    } catch (IOException | JsonException | IllegalArgumentException e) {
      LOG.log(
          Level.SEVERE,
          e,
          () ->
              file
                  + " is not an OpenAPI document in JSON the storefront can serve (see the cause):"
                  + " the platform's API document is not served");
      return null;
    }
  }
}
