package io.opencommerce.products.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {
  @Test
  void recognisesTheFormatsByTheirSignature() {
    assertThat(ImageType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
        .contains(ImageType.PNG);
    assertThat(ImageType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
        .contains(ImageType.JPEG);
    assertThat(ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
        .contains(ImageType.WEBP);
  }

  @Test
  void anythingElseIsNoImage() {
    assertThat(ImageType.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(ImageType.sniff(new byte[] {(byte) 0x89, 'P'})).isEmpty();
    assertThat(ImageType.sniff(new byte[0])).isEmpty();
  }

  @Test
  void readsDeclaredContentTypes() {
    assertThat(ImageType.ofContentType("image/PNG; charset=binary")).contains(ImageType.PNG);
    assertThat(ImageType.ofContentType("image/svg+xml")).isEmpty();
    assertThat(ImageType.ofContentType(null)).isEmpty();
  }
}
