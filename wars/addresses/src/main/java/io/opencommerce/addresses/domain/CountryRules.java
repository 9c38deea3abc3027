package io.opencommerce.addresses.domain;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The countries the platform ships to, and what an address there must look like: the shape of its
 * postal code, and whether it needs a region (a state or province code).
 */
public final class CountryRules {
  /** One country's rule. */
  public record Rule(Pattern postalCode, String example, boolean regionRequired) {}

  private static final Pattern REGION_CODE = Pattern.compile("[A-Z]{2}");

  private static final Map<String, Rule> SHIPS_TO =
      Map.ofEntries(
          Map.entry("FR", rule("\\d{5}", "75001", false)),
          Map.entry("DE", rule("\\d{5}", "10115", false)),
          Map.entry("BE", rule("\\d{4}", "1000", false)),
          Map.entry("NL", rule("\\d{4} ?[A-Z]{2}", "1012 AB", false)),
          Map.entry("ES", rule("\\d{5}", "28001", false)),
          Map.entry("IT", rule("\\d{5}", "00118", false)),
          Map.entry("CH", rule("\\d{4}", "8001", false)),
          Map.entry("GB", rule("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}", "SW1A 1AA", false)),
          Map.entry("US", rule("\\d{5}(-\\d{4})?", "94105", true)),
          Map.entry("CA", rule("[A-Z]\\d[A-Z] ?\\d[A-Z]\\d", "K1A 0B1", true)));

  private CountryRules() {}

  private static Rule rule(String postalCode, String example, boolean regionRequired) {
    return new Rule(Pattern.compile(postalCode), example, regionRequired);
  }

  public static Optional<Rule> of(String country) {
    return Optional.ofNullable(SHIPS_TO.get(country));
  }

  /** Every ISO 3166-1 alpha-2 code, with its English name. */
  public static List<String[]> allCountries() {
    List<String[]> countries = new ArrayList<>();
    for (String code : Locale.getISOCountries()) {
      countries.add(new String[] {code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)});
    }
    countries.sort((a, b) -> a[1].compareTo(b[1]));
    return countries;
  }

  /** Postal codes are compared trimmed and in upper case. */
  public static String normalizePostalCode(String postalCode) {
    return postalCode == null ? null : postalCode.strip().toUpperCase(Locale.ROOT);
  }

  /** What is wrong with an address in {@code country}, field by field; empty when it fits. */
  public static List<FieldViolation> check(String country, String postalCode, String region) {
    List<FieldViolation> problems = new ArrayList<>();
    Optional<Rule> rule = of(country);
    if (rule.isEmpty()) {
      problems.add(new FieldViolation("country", "The platform does not ship to " + country + "."));
      return problems;
    }
    if (postalCode == null
        || !rule.get().postalCode().matcher(normalizePostalCode(postalCode)).matches()) {
      problems.add(
          new FieldViolation(
              "postalCode",
              "Not a postal code of " + country + " (like " + rule.get().example() + ")."));
    }
    if (rule.get().regionRequired()
        && (region == null || !REGION_CODE.matcher(region.strip()).matches())) {
      problems.add(
          new FieldViolation("region", "A two-letter region code is required in " + country + "."));
    }
    return problems;
  }
}
