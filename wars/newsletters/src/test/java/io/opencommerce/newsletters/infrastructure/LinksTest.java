package io.opencommerce.newsletters.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void fillsThePlaceholderUrlEncoded() {
    assertThat(Links.fill("https://shop/reset?token={token}", "{token}", "a+b/c=d"))
        .isEqualTo("https://shop/reset?token=a%2Bb%2Fc%3Dd");
    assertThat(Links.fill("https://shop/track/{trackingNumber}", "{trackingNumber}", "SIM1"))
        .isEqualTo("https://shop/track/SIM1");
  }

  @Test
  void appendsTheValueToATemplateWithoutPlaceholder() {
    assertThat(Links.fill("https://shop/reset?token=", "{token}", "abc"))
        .isEqualTo("https://shop/reset?token=abc");
  }
}
