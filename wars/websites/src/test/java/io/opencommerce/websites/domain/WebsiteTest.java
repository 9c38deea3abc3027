package io.opencommerce.websites.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebsiteTest {
  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00.123456Z");

  private static SiteSettings settings(List<String> domains, String name) {
    return SiteSettings.of(
        name,
        domains,
        "fr",
        List.of("fr", "en"),
        "EUR",
        List.of("FR", "BE"),
        "Europe/Paris",
        Map.of("primary", "#AABBCC"),
        "sites/shop/logo.svg",
        "help@shop.example");
  }

  @Test
  void aNewSiteKeepsItsSettingsToTheSecond() {
    Website site =
        new Website(
            "shop", settings(List.of("www.shop.example", "shop.example"), "Shop"), true, CREATED);
    assertThat(site.code()).isEqualTo("shop");
    assertThat(site.domains()).containsExactly("shop.example", "www.shop.example");
    assertThat(site.languages()).containsExactly("fr", "en");
    assertThat(site.colours()).containsExactly(Map.entry("primary", "#aabbcc"));
    assertThat(site.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(site.changedAt()).isEqualTo(site.createdAt());
    assertThat(site.active()).isTrue();
  }

  @Test
  void theSameSettingsAreNoChange() {
    Website site =
        new Website(
            "shop", settings(List.of("shop.example", "www.shop.example"), "Shop"), true, CREATED);
    Instant later = CREATED.plusSeconds(60);
    // The same domains in another order and case, the same colour in capitals.
    assertThat(
            site.change(
                settings(List.of("WWW.shop.example", "shop.example"), " Shop "), true, later))
        .isFalse();
    assertThat(site.changedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
  }

  @Test
  void anyDifferenceIsAChange() {
    Website site = new Website("shop", settings(List.of("shop.example"), "Shop"), true, CREATED);
    Instant later = Instant.parse("2026-03-02T08:30:15.999Z");
    assertThat(site.change(settings(List.of("shop.example", "new.example"), "Shop"), true, later))
        .isTrue();
    assertThat(site.domains()).containsExactly("new.example", "shop.example");
    assertThat(site.changedAt()).isEqualTo(Instant.parse("2026-03-02T08:30:15Z"));
    assertThat(site.change(settings(List.of("shop.example", "new.example"), "Shop"), false, later))
        .isTrue();
    assertThat(site.active()).isFalse();
    assertThat(site.change(settings(List.of("new.example"), "Shop"), false, later)).isTrue();
    assertThat(site.domains()).containsExactly("new.example");
    assertThat(site.change(settings(List.of("new.example"), "Boutique"), false, later)).isTrue();
    assertThat(site.name()).isEqualTo("Boutique");
  }
}
