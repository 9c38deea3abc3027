package io.opencommerce.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacKeyTest {
  private static final HmacKey KEY = HmacKey.of("a-secret-of-24-bytes-ok!");

  @Test
  void signsAsHmacSha256() {
    // RFC 4231, test case 1: a key of twenty 0x0b bytes, "Hi There".
    byte[] key = new byte[20];
    java.util.Arrays.fill(key, (byte) 0x0b);
    assertThat(HexFormat.of().formatHex(HmacKey.of(key).sign("Hi There")))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  }

  @Test
  void refusesShortSecrets() {
    assertThatThrownBy(() -> HmacKey.of("fifteen-bytes!!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes");
    assertThat(HmacKey.of("sixteen-bytes!!!")).isNotNull();
    assertThatThrownBy(() -> HmacKey.shared("")).isInstanceOf(IllegalArgumentException.class);
    // A secret another party chose is taken as it is (Wikipedia's example, key "key").
    assertThat(
            HexFormat.of()
                .formatHex(
                    HmacKey.shared("key").sign("The quick brown fox jumps over the lazy dog")))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void verifiesInEitherForm() {
    byte[] signature = KEY.sign("order:1");
    assertThat(KEY.verify("order:1".getBytes(StandardCharsets.UTF_8), signature)).isTrue();
    assertThat(KEY.verify("order:2".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    assertThat(KEY.verify("order:1".getBytes(StandardCharsets.UTF_8), null)).isFalse();

    String text = KEY.signBase64Url("visitor\nabc");
    assertThat(text).hasSize(43).doesNotContain("=", "+", "/");
    assertThat(KEY.verifyBase64Url("visitor\nabc", text)).isTrue();
    assertThat(KEY.verifyBase64Url("visitor\nabd", text)).isFalse();
    assertThat(KEY.verifyBase64Url("visitor\nabc", null)).isFalse();
    assertThat(HmacKey.of("another-secret-of-24-byte").verifyBase64Url("visitor\nabc", text))
        .isFalse();
  }

  @Test
  void aSignatureHasOneSpelling() {
    String text = KEY.signBase64Url("link");
    char last = text.charAt(text.length() - 1);
    // Another character whose first bits are the same decodes to the same bytes: refused.
    char sibling = (char) (last ^ 1);
    String respelled = text.substring(0, text.length() - 1) + sibling;
    assertThat(KEY.verifyBase64Url("link", respelled)).isFalse();
  }
}
