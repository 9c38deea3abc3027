package io.opencommerce.newsletters.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.TemplateVersion;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateStoreTest {
  @Test
  void contentRoundTripsThroughJsonWithAnyText() {
    TemplateStore.Content content =
        new TemplateStore.Content(
            "Commande {{orderNumber}} — « merci »",
            "Line \"one\"\n\ttab\\back",
            "<p class=\"x\">{{name}} &amp; </p>\u2028");
    assertThat(TemplateStore.read(TemplateStore.json(content))).isEqualTo(content);
  }

  @Test
  void theStorageKeyIsBuiltFromTheIdAlone() {
    TemplateVersion version =
        new TemplateVersion(
            "../../etc", "en", MailKind.WELCOME, 1, "Hi ../", UUID.randomUUID(), Instant.now());
    assertThat(version.storageKey())
        .isEqualTo("templates/" + version.id() + ".json")
        .doesNotContain("..");
  }
}
