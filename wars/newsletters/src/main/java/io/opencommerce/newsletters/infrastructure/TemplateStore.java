package io.opencommerce.newsletters.infrastructure;

import io.opencommerce.kit.storage.ObjectStorage;
import io.opencommerce.newsletters.domain.TemplateVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Template versions' content in the service's bucket (the kit's {@link ObjectStorage}): one JSON
 * object {@code {"subject","text","html"}} per version, under {@link TemplateVersion#storageKey}.
 */
@ApplicationScoped
public class TemplateStore {
  @Inject ObjectStorage storage;

  /** A version's three parts. */
  public record Content(String subject, String text, String html) {}

  public void put(UUID versionId, Content content) throws Exception {
    byte[] json = json(content).getBytes(StandardCharsets.UTF_8);
    storage.put(
        TemplateVersion.storageKey(versionId),
        new ByteArrayInputStream(json),
        json.length,
        "application/json");
  }

  public Content get(UUID versionId) throws Exception {
    return read(
        new String(storage.get(TemplateVersion.storageKey(versionId)), StandardCharsets.UTF_8));
  }

  static String json(Content content) {
    return Json.createObjectBuilder()
        .add("subject", content.subject())
        .add("text", content.text())
        .add("html", content.html())
        .build()
        .toString();
  }

  static Content read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      return new Content(
          object.getString("subject"), object.getString("text"), object.getString("html"));
    }
  }
}
