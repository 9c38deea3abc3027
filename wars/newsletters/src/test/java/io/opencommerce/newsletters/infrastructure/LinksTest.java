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
    assertThat(
            Links.fill(
                "https://shop/account/tickets/{ticketId}?from=mail",
                "{ticketId}",
                "0193f1d2-7a4b-7c3d-9e8f-0a1b2c3d4e5f"))
        .isEqualTo("https://shop/account/tickets/0193f1d2-7a4b-7c3d-9e8f-0a1b2c3d4e5f?from=mail");
  }

  @Test
  void appendsTheValueToATemplateWithoutPlaceholder() {
    assertThat(Links.fill("https://shop/reset?token=", "{token}", "abc"))
        .isEqualTo("https://shop/reset?token=abc");
  }
}
