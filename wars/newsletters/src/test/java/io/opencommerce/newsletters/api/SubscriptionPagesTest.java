package io.opencommerce.newsletters.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionPagesTest {
  @Test
  void theShopNameIsEscapedAndThePageSpeaksTheSubscribersLanguage() {
    String page = SubscriptionPages.unsubscribeForm("fr", "<Thé & \"Café\">");
    assertThat(page)
        .contains("lang=\"fr\"", "Me désinscrire", "&lt;Thé &amp; &quot;Café&quot;&gt;")
        .contains("name=\"List-Unsubscribe\" value=\"One-Click\"", "method=\"post\"")
        .doesNotContain("<Thé");
    assertThat(SubscriptionPages.unsubscribed("en", "Shop")).contains("lang=\"en\"", "no more");
    assertThat(SubscriptionPages.confirmed("de", "Shop")).contains("lang=\"de\"", "Anmeldung");
    assertThat(SubscriptionPages.confirmed("it", "Shop"))
        .as("English otherwise")
        .contains("lang=\"en\"");
  }
}
