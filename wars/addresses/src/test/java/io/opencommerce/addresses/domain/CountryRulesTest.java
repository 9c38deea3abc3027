package io.opencommerce.addresses.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryRulesTest {
  @ParameterizedTest
  @CsvSource({
    "FR, 75001, ",
    "DE, 10115, ",
    "NL, 1012 ab, ",
    "GB, sw1a 1aa, ",
    "US, 94105-1234, CA",
    "CA, K1A 0B1, ON"
  })
  void acceptsWellFormedAddresses(String country, String postalCode, String region) {
    assertThat(CountryRules.check(country, postalCode, region)).isEmpty();
  }

  @Test
  void namesTheFieldThatDoesNotFit() {
    assertThat(CountryRules.check("FR", "7500", null))
        .extracting(FieldViolation::field)
        .containsExactly("postalCode");
    assertThat(CountryRules.check("US", "94105", null))
        .extracting(FieldViolation::field)
        .containsExactly("region");
    assertThat(CountryRules.check("US", "ABCDE", "California"))
        .extracting(FieldViolation::field)
        .containsExactly("postalCode", "region");
  }

  @Test
  void refusesCountriesThePlatformDoesNotShipTo() {
    assertThat(CountryRules.check("KP", "12345", null))
        .extracting(FieldViolation::field)
        .containsExactly("country");
  }

  @Test
  void listsEveryIsoCountry() {
    assertThat(CountryRules.allCountries()).hasSizeGreaterThan(240);
    assertThat(CountryRules.allCountries())
        .anyMatch(c -> c[0].equals("FR") && c[1].equals("France"));
  }

  @Test
  void normalizesPostalCodes() {
    assertThat(CountryRules.normalizePostalCode("  sw1a 1aa ")).isEqualTo("SW1A 1AA");
  }
}
