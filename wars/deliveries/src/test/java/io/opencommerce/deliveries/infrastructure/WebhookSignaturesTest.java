package io.opencommerce.deliveries.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
  private static final byte[] FOX =
      "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
  private static final String FOX_SIGNATURE =
      "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

  @Test
  void signsWithHmacSha256InHex() {
    assertThat(WebhookSignatures.sign("key", FOX)).isEqualTo(FOX_SIGNATURE);
  }

  @Test
  void acceptsTheRightSignatureInEitherCase() {
    assertThat(WebhookSignatures.verify("key", FOX, FOX_SIGNATURE)).isTrue();
    assertThat(WebhookSignatures.verify("key", FOX, FOX_SIGNATURE.toUpperCase())).isTrue();
    assertThat(WebhookSignatures.verify("key", FOX, " " + FOX_SIGNATURE + " ")).isTrue();
  }

  @Test
  void refusesAnyOtherBodyKeyOrSignature() {
    byte[] changed =
        "The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignatures.verify("key", changed, FOX_SIGNATURE)).isFalse();
    assertThat(WebhookSignatures.verify("other", FOX, FOX_SIGNATURE)).isFalse();
    String flipped = FOX_SIGNATURE.substring(0, FOX_SIGNATURE.length() - 1) + "9";
    assertThat(WebhookSignatures.verify("key", FOX, flipped)).isFalse();
    assertThat(WebhookSignatures.verify("key", FOX, FOX_SIGNATURE.substring(0, 20))).isFalse();
  }

  @Test
  void refusesMalformedOrMissingSignatures() {
    String hex = FOX_SIGNATURE.substring("sha256=".length());
    assertThat(WebhookSignatures.verify("key", FOX, hex)).as("no scheme").isFalse();
    assertThat(WebhookSignatures.verify("key", FOX, "sha1=" + hex)).isFalse();
    assertThat(WebhookSignatures.verify("key", FOX, "sha256=not-hex")).isFalse();
    assertThat(WebhookSignatures.verify("key", FOX, "sha256=")).isFalse();
    assertThat(WebhookSignatures.verify("key", FOX, "")).isFalse();
    assertThat(WebhookSignatures.verify("key", FOX, null)).isFalse();
    assertThat(WebhookSignatures.verify("", FOX, FOX_SIGNATURE)).as("no secret").isFalse();
    assertThat(WebhookSignatures.verify(null, FOX, FOX_SIGNATURE)).isFalse();
  }

  @Test
  void signsAnEmptyBody() {
    String signature = WebhookSignatures.sign("key", new byte[0]);
    assertThat(WebhookSignatures.verify("key", null, signature)).isTrue();
  }
}
