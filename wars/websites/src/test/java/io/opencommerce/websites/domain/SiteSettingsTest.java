package io.opencommerce.websites.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteSettingsTest {
  /** The default site's settings, as the migration seeds them. */
  static SiteSettings valid() {
    return SiteSettings.of(
        "OpenCommerce",
        List.of(),
        "en",
        List.of("en", "fr"),
        "EUR",
        List.of("FR", "BE", "LU", "DE", "AT", "CH", "NL", "ES", "IT", "PT", "IE"),
        "Europe/Paris",
        null,
        null,
        "support@opencommerce.local");
  }

  private static SiteSettings with(
      List<String> domains,
      String defaultLanguage,
      List<String> languages,
      String currency,
      List<String> countries,
      String timeZone) {
    return SiteSettings.of(
        "Shop",
        domains,
        defaultLanguage,
        languages,
        currency,
        countries,
        timeZone,
        null,
        null,
        null);
  }

  private static SiteSettings theme(Map<String, String> colours, String logoKey, String email) {
    return SiteSettings.of(
        "Shop",
        List.of(),
        "en",
        List.of("en"),
        "EUR",
        List.of("FR"),
        "Europe/Paris",
        colours,
        logoKey,
        email);
  }

  private static List<String> fields(SiteSettings settings) {
    return settings.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void theDefaultSiteIsValid() {
    assertThat(valid().violations()).isEmpty();
  }

  @Test
  void everythingRequiredIsNamedAtOnce() {
    SiteSettings empty =
        SiteSettings.of(" ", null, null, null, "", List.of(), null, null, null, null);
    assertThat(fields(empty))
        .containsExactly(
            "name", "languages", "defaultLanguage", "currency", "countries", "timeZone");
    assertThat(empty.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
  }

  @Test
  void theNameIsStrippedAndBounded() {
    SiteSettings padded =
        SiteSettings.of(
            "  Shop  ", null, "en", List.of("en"), "EUR", List.of("FR"), "UTC", null, null, null);
    assertThat(padded.name()).isEqualTo("Shop");
    assertThat(padded.violations()).isEmpty();
    SiteSettings long101 =
        SiteSettings.of(
            "x".repeat(101),
            null,
            "en",
            List.of("en"),
            "EUR",
            List.of("FR"),
            "UTC",
            null,
            null,
            null);
    assertThat(fields(long101)).containsExactly("name");
    SiteSettings control =
        SiteSettings.of(
            "Shop\n", null, "en", List.of("en"), "EUR", List.of("FR"), "UTC", null, null, null);
    assertThat(control.name()).isEqualTo("Shop");
    SiteSettings inner =
        SiteSettings.of(
            "Sh\u0000op", null, "en", List.of("en"), "EUR", List.of("FR"), "UTC", null, null, null);
    assertThat(fields(inner)).containsExactly("name");
  }

  @Test
  void domainsAreHostNamesInLowerCaseSortedWhenKept() {
    SiteSettings mixed =
        with(
            List.of("WWW.Shop.example", "shop.example", "xn--bcher-kva.example"),
            "en",
            List.of("en"),
            "EUR",
            List.of("FR"),
            "UTC");
    assertThat(mixed.violations()).isEmpty();
    assertThat(mixed.domains())
        .containsExactly("www.shop.example", "shop.example", "xn--bcher-kva.example");
    assertThat(mixed.sorted().domains())
        .containsExactly("shop.example", "www.shop.example", "xn--bcher-kva.example");
    assertThat(
            with(List.of("localhost"), "en", List.of("en"), "EUR", List.of("FR"), "UTC")
                .violations())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "shop.example:8080",
        "https://shop.example",
        "shop.example/path",
        "-shop.example",
        "shop-.example",
        "shop..example",
        ".shop.example",
        "shop.example.",
        "shop_1.example",
        "bücher.example",
        "192.0.2.1",
        "[::1]",
        "shop example"
      })
  void aDomainThatIsNoHostNameIsRefused(String domain) {
    SiteSettings settings =
        with(List.of("ok.example", domain), "en", List.of("en"), "EUR", List.of("FR"), "UTC");
    assertThat(fields(settings)).containsExactly("domains[1]");
  }

  @Test
  void domainsAreBoundedAndListedOnce() {
    String label = "a".repeat(63);
    String tooLong = String.join(".", label, label, label, label); // 255 characters
    assertThat(fields(with(List.of(tooLong), "en", List.of("en"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("domains[0]");
    assertThat(
            fields(
                with(
                    List.of("a".repeat(64) + ".example"),
                    "en",
                    List.of("en"),
                    "EUR",
                    List.of("FR"),
                    "UTC")))
        .containsExactly("domains[0]");
    assertThat(
            fields(
                with(
                    List.of("shop.example", "SHOP.example"),
                    "en",
                    List.of("en"),
                    "EUR",
                    List.of("FR"),
                    "UTC")))
        .containsExactly("domains[1]");
    List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "s" + i + ".example").toList();
    assertThat(with(twenty, "en", List.of("en"), "EUR", List.of("FR"), "UTC").violations())
        .isEmpty();
    List<String> many = new ArrayList<>(twenty);
    many.add("s20.example");
    assertThat(fields(with(many, "en", List.of("en"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("domains");
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    assertThat(fields(with(withNull, "en", List.of("en"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("domains[0]");
  }

  @Test
  void languagesAreTwoLetterIsoCodesOnceTheDefaultAmongThem() {
    assertThat(fields(with(null, "en", List.of("en", "EN"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("languages[1]");
    assertThat(fields(with(null, "en", List.of("en", "eng", "zz"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("languages[1]", "languages[2]");
    assertThat(fields(with(null, "en", List.of("en", "en"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("languages[1]");
    assertThat(fields(with(null, "de", List.of("en", "fr"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("defaultLanguage");
    assertThat(fields(with(null, "EN", List.of("en"), "EUR", List.of("FR"), "UTC")))
        .containsExactly("defaultLanguage");
    List<String> eleven = List.of("en", "fr", "de", "es", "it", "nl", "pt", "pl", "sv", "da", "fi");
    assertThat(fields(with(null, "en", eleven, "EUR", List.of("FR"), "UTC")))
        .containsExactly("languages");
    assertThat(with(null, "en", eleven.subList(0, 10), "EUR", List.of("FR"), "UTC").violations())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"eur", "EURO", "ABC", "E1R", "€"})
  void theCurrencyIsAnIso4217Code(String currency) {
    assertThat(fields(with(null, "en", List.of("en"), currency, List.of("FR"), "UTC")))
        .containsExactly("currency");
  }

  @Test
  void knownCurrenciesPass() {
    for (String currency : List.of("EUR", "USD", "CHF", "GBP", "JPY")) {
      assertThat(with(null, "en", List.of("en"), currency, List.of("FR"), "UTC").violations())
          .isEmpty();
    }
  }

  @Test
  void countriesAreIso3166CodesOnceAtMost250() {
    assertThat(
            fields(
                with(
                    null,
                    "en",
                    List.of("en"),
                    "EUR",
                    List.of("FR", "fr", "XX", "FRA", "FR"),
                    "UTC")))
        .containsExactly("countries[1]", "countries[2]", "countries[3]", "countries[4]");
    List<String> every = List.of(java.util.Locale.getISOCountries());
    assertThat(every.size()).isLessThanOrEqualTo(250);
    assertThat(with(null, "en", List.of("en"), "EUR", every, "UTC").violations()).isEmpty();
    List<String> tooMany = new ArrayList<>(Collections.nCopies(251, "FR"));
    assertThat(fields(with(null, "en", List.of("en"), "EUR", tooMany, "UTC")))
        .containsExactly("countries");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Paris", "Europe/Atlantis", "+02:00", "UTC+1", "GMT+2", "europe/paris"})
  void theTimeZoneIsAnIanaId(String zone) {
    assertThat(fields(with(null, "en", List.of("en"), "EUR", List.of("FR"), zone)))
        .containsExactly("timeZone");
  }

  @Test
  void ianaZonesPass() {
    for (String zone : List.of("Europe/Paris", "America/New_York", "UTC", "Asia/Kolkata")) {
      assertThat(with(null, "en", List.of("en"), "EUR", List.of("FR"), zone).violations())
          .isEmpty();
    }
  }

  @Test
  void coloursAreNamedAndWrittenRrggbb() {
    Map<String, String> colours = new LinkedHashMap<>();
    colours.put("primary", "#1A2B3C");
    colours.put("accent-2", "#ffffff");
    SiteSettings good = theme(colours, null, null);
    assertThat(good.violations()).isEmpty();
    assertThat(good.colours()).containsEntry("primary", "#1a2b3c");

    assertThat(fields(theme(Map.of("primary", "#12345"), null, null)))
        .containsExactly("theme.colours.primary");
    assertThat(fields(theme(Map.of("primary", "red"), null, null)))
        .containsExactly("theme.colours.primary");
    assertThat(fields(theme(Map.of("primary", "#gggggg"), null, null)))
        .containsExactly("theme.colours.primary");
    assertThat(fields(theme(Map.of("Primary", "#123456"), null, null)))
        .containsExactly("theme.colours");
    assertThat(fields(theme(Map.of("1st", "#123456"), null, null)))
        .containsExactly("theme.colours");
    assertThat(fields(theme(Map.of("a".repeat(33), "#123456"), null, null)))
        .containsExactly("theme.colours");
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("primary", null);
    assertThat(fields(theme(nullValue, null, null))).containsExactly("theme.colours.primary");

    Map<String, String> sixteen = new LinkedHashMap<>();
    IntStream.range(0, 16).forEach(i -> sixteen.put("c" + i, "#000000"));
    assertThat(theme(sixteen, null, null).violations()).isEmpty();
    sixteen.put("c16", "#000000");
    assertThat(fields(theme(sixteen, null, null))).containsExactly("theme.colours");
  }

  @Test
  void theLogoKeyIsABoundedObjectKey() {
    assertThat(theme(null, "sites/shop/logo.svg", null).violations()).isEmpty();
    assertThat(theme(null, "logo_2026-01.PNG", null).violations()).isEmpty();
    for (String key :
        List.of(
            "../secrets",
            "sites/../logo.svg",
            "/sites/logo.svg",
            "sites//logo.svg",
            "sites/",
            "sites/logo svg",
            "sites/logo?.svg",
            "a".repeat(201))) {
      assertThat(fields(theme(null, key, null))).as(key).containsExactly("theme.logoKey");
    }
  }

  @Test
  void theSupportAddressIsAnEmailAddress() {
    assertThat(theme(null, null, "support@opencommerce.local").violations()).isEmpty();
    assertThat(theme(null, null, "first.last+shop@Mail.Example.com").violations()).isEmpty();
    for (String address :
        List.of(
            "support",
            "support@",
            "@example.com",
            "support@localhost",
            "support@exa mple.com",
            "sup port@example.com",
            ".support@example.com",
            "support.@example.com",
            "sup..port@example.com",
            "support@example..com",
            "support@-example.com",
            "a".repeat(65) + "@example.com",
            "a@" + "b".repeat(250) + ".com")) {
      assertThat(fields(theme(null, null, address)))
          .as(address)
          .containsExactly("theme.supportEmail");
    }
  }

  @Test
  void codesAreLowerCaseSlugsAndNotReserved() {
    assertThat(SiteSettings.codeViolations("shop-fr")).isEmpty();
    assertThat(SiteSettings.codeViolations("default")).isEmpty();
    assertThat(SiteSettings.codeViolations("a".repeat(40))).isEmpty();
    for (String code : List.of("Shop", "-shop", "shop_fr", "a".repeat(41), "shop fr", "é")) {
      assertThat(SiteSettings.codeViolations(code))
          .as(code)
          .extracting(FieldViolation::field)
          .containsExactly("code");
    }
    assertThat(SiteSettings.codeViolations(null))
        .extracting(FieldViolation::message)
        .containsExactly("Code is required.");
    assertThat(SiteSettings.codeViolations("current"))
        .extracting(FieldViolation::field)
        .containsExactly("code");
    assertThat(SiteSettings.codeViolations("registry"))
        .extracting(FieldViolation::field)
        .containsExactly("code");
  }
}
