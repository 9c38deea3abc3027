package io.opencommerce.kit.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.websites.SiteChanged;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteTest {
  private final Site site = Site.of(Feeds.site("shop", 3, "shop.example.com"));

  @Test
  void anActiveSiteIsWhatItsEventSays() {
    assertThat(site.code()).isEqualTo("shop");
    assertThat(site.active()).isTrue();
    assertThat(site.version()).isEqualTo(3);
    assertThat(site.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(site.domains()).containsExactly("shop.example.com");
    assertThat(site.theme().colours()).containsEntry("primary", "#112233");
    assertThat(site.answersOn("shop.example.com")).isTrue();
    assertThat(site.answersOn("other.example.com")).isFalse();
  }

  @Test
  void languagesCurrencyAndCountries() {
    assertThat(site.offers("fr")).isTrue();
    assertThat(site.offers("FR")).isTrue();
    assertThat(site.offers("de")).isFalse();
    assertThat(site.offers(null)).isFalse();
    assertThat(site.sellsIn("EUR")).isTrue();
    assertThat(site.sellsIn("eur")).isTrue();
    assertThat(site.sellsIn("USD")).isFalse();
    assertThat(site.sellsTo("be")).isTrue();
    assertThat(site.sellsTo("DE")).isFalse();
  }

  @Test
  void theRequestedLanguageIfOfferedElseTheDefault() {
    assertThat(site.language("fr")).isEqualTo("fr");
    assertThat(site.language("fr-CA")).isEqualTo("fr");
    assertThat(site.language(" EN ")).isEqualTo("en");
    assertThat(site.language("de")).isEqualTo("en");
    assertThat(site.language(null)).isEqualTo("en");
  }

  @Test
  void anInactiveSiteIsATombstoneWhateverTheEventCarries() {
    SiteChanged full = Feeds.site("closed", 7, "closed.example.com");
    SiteChanged deactivated =
        new SiteChanged(
            full.code(),
            full.name(),
            full.domains(),
            full.defaultLanguage(),
            full.languages(),
            full.currency(),
            full.countries(),
            full.timeZone(),
            full.theme(),
            false,
            full.version(),
            full.changedAt());
    Site tombstone = Site.of(deactivated);
    assertThat(tombstone).isEqualTo(Site.tombstone("closed", List.of("closed.example.com"), 7));
    assertThat(tombstone.active()).isFalse();
    assertThat(tombstone.domains())
        .as("kept, so that the shop's host is refused rather than served as the default site")
        .containsExactly("closed.example.com");
    assertThat(tombstone.name()).isNull();
    assertThat(tombstone.languages()).isEmpty();
    assertThat(Site.of(Feeds.inactive("closed", 7))).isEqualTo(Site.tombstone("closed", 7));
  }

  @Test
  void anUnknownTimeZoneIsRefused() {
    SiteChanged good = Feeds.site("shop", 1);
    SiteChanged bad =
        new SiteChanged(
            "shop",
            good.name(),
            good.domains(),
            good.defaultLanguage(),
            good.languages(),
            good.currency(),
            good.countries(),
            "Mars/Olympus",
            good.theme(),
            true,
            1,
            null);
    assertThatThrownBy(() -> Site.of(bad)).isInstanceOf(IllegalArgumentException.class);
  }
}
