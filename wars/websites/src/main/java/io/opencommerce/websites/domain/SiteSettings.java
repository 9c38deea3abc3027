package io.opencommerce.websites.domain;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything about a site an administrator sets, but its code and whether it is active: normalised
 * ({@link #of}) and checked ({@link #violations}) before anything is stored. Two settings are equal
 * when they would describe the site alike: a replacement equal to the site's settings is no change.
 *
 * <p>The rules: a name of 1-{@value #MAX_NAME} characters; at most {@value #MAX_DOMAINS} domains,
 * each a host name (letters, digits and dashes in dot-separated labels of at most 63 characters,
 * 253 in all, not an IP address; {@code xn--} labels for international names), without port, kept
 * in lower case, sorted, each once; 1-{@value #MAX_LANGUAGES} two-letter ISO 639-1 languages, each
 * once, the default among them; an ISO 4217 currency ({@link Currency}); 1-{@value #MAX_COUNTRIES}
 * ISO 3166-1 alpha-2 countries ({@link Locale#getISOCountries()}), each once; an IANA time-zone id
 * ({@link ZoneId}); at most {@value #MAX_COLOURS} colours, named {@code [a-z][a-z0-9-]{0,31}}, each
 * {@code #rrggbb} (kept in lower case); a logo key of letters, digits and {@code . _ - /}, at most
 * {@value #MAX_LOGO_KEY} characters, with no empty or {@code ..} segment; a support address that is
 * an e-mail address.
 *
 * <p>Fields are named by their place in the request body ({@code domains[2]}, {@code
 * theme.colours.primary}).
 */
public record SiteSettings(
    String name,
    List<String> domains,
    String defaultLanguage,
    List<String> languages,
    String currency,
    List<String> countries,
    String timeZone,
    Map<String, String> colours,
    String logoKey,
    String supportEmail) {

  public static final int MAX_NAME = 100;
  public static final int MAX_DOMAINS = 20;
  public static final int MAX_LANGUAGES = 10;
  public static final int MAX_COUNTRIES = 250;
  public static final int MAX_COLOURS = 16;
  public static final int MAX_LOGO_KEY = 200;
  public static final int MAX_EMAIL = 254;
  static final int MAX_HOST = 253;

  /** A site's code: lower-case letters, digits and dashes, at most 40 characters. */
  public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /**
   * Codes no site may take: the websites API's own paths ({@code /sites/current}, {@code
   * /sites/registry}) would hide a site of that code.
   */
  public static final Set<String> RESERVED_CODES = Set.of("current", "registry");

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern COLOUR_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
  private static final Pattern LOGO_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
  private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public SiteSettings {
    domains = domains == null ? List.of() : List.copyOf(domains);
    languages = languages == null ? List.of() : List.copyOf(languages);
    countries = countries == null ? List.of() : List.copyOf(countries);
    colours = colours == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(colours));
  }

  /**
   * The settings as given, normalised: text stripped (a blank one is none), domains and colours in
   * lower case, domains sorted. Lists keep their order otherwise, so that a violation's index is
   * the one in the request; nulls inside them are kept for {@link #violations} to name.
   */
  public static SiteSettings of(
      String name,
      List<String> domains,
      String defaultLanguage,
      List<String> languages,
      String currency,
      List<String> countries,
      String timeZone,
      Map<String, String> colours,
      String logoKey,
      String supportEmail) {
    Map<String, String> lowered = new TreeMap<>();
    if (colours != null) {
      colours.forEach(
          (colour, value) ->
              lowered.put(
                  colour == null ? "" : colour.strip(),
                  value == null ? "" : value.strip().toLowerCase(Locale.ROOT)));
    }
    return new SiteSettings(
        text(name),
        lowerCase(domains),
        text(defaultLanguage),
        texts(languages),
        text(currency),
        texts(countries),
        text(timeZone),
        lowered,
        text(logoKey),
        text(supportEmail));
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> texts(List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> stripped = new ArrayList<>(values.size());
    for (String value : values) {
      stripped.add(value == null ? "" : value.strip());
    }
    return stripped;
  }

  private static List<String> lowerCase(List<String> values) {
    List<String> lowered = new ArrayList<>();
    for (String value : texts(values)) {
      lowered.add(value.toLowerCase(Locale.ROOT));
    }
    return lowered;
  }

  /** The settings with their domains sorted: how the site keeps them. */
  public SiteSettings sorted() {
    List<String> sortedDomains = new ArrayList<>(domains);
    Collections.sort(sortedDomains);
    return new SiteSettings(
        name,
        sortedDomains,
        defaultLanguage,
        languages,
        currency,
        countries,
        timeZone,
        colours,
        logoKey,
        supportEmail);
  }

  /** Why {@code code} cannot be a new site's code; empty when it can. */
  public static List<FieldViolation> codeViolations(String code) {
    if (code == null || code.isBlank()) {
      return List.of(new FieldViolation("code", "Code is required."));
    }
    if (!CODE.matcher(code).matches()) {
      return List.of(
          new FieldViolation(
              "code",
              "Code must be 1-40 lower-case letters, digits or dashes, starting with a letter or"
                  + " digit, such as shop-fr."));
    }
    if (RESERVED_CODES.contains(code)) {
      return List.of(new FieldViolation("code", "Code " + code + " is reserved."));
    }
    return List.of();
  }

  /** Every rule these settings break, each naming its field; empty when they are valid. */
  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (name == null) {
      found.add(new FieldViolation("name", "Name is required."));
    } else if (name.length() > MAX_NAME) {
      found.add(new FieldViolation("name", "Name must be at most " + MAX_NAME + " characters."));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      found.add(new FieldViolation("name", "Name must not contain control characters."));
    }
    checkDomains(found);
    checkLanguages(found);
    if (currency == null) {
      found.add(new FieldViolation("currency", "Currency is required."));
    } else if (!isCurrency(currency)) {
      found.add(
          new FieldViolation(
              "currency", "Currency must be an ISO 4217 code in capitals, such as EUR."));
    }
    checkCountries(found);
    if (timeZone == null) {
      found.add(new FieldViolation("timeZone", "Time zone is required."));
    } else if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
      found.add(
          new FieldViolation(
              "timeZone", "Time zone must be an IANA time-zone id, such as Europe/Paris."));
    }
    checkTheme(found);
    return found;
  }

  private void checkDomains(List<FieldViolation> found) {
    if (domains.size() > MAX_DOMAINS) {
      found.add(new FieldViolation("domains", "At most " + MAX_DOMAINS + " domains are allowed."));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < domains.size(); i++) {
      String domain = domains.get(i);
      String field = "domains[" + i + "]";
      if (domain.isEmpty()) {
        found.add(new FieldViolation(field, "A domain must not be empty."));
      } else if (domain.indexOf(':') >= 0 || domain.indexOf('/') >= 0) {
        found.add(
            new FieldViolation(
                field, "A domain is a host name alone, without scheme, port or path."));
      } else if (!isHostName(domain)) {
        found.add(
            new FieldViolation(
                field,
                "A domain must be a host name such as shop.example.com, not " + domain + "."));
      } else if (!seen.add(domain)) {
        found.add(new FieldViolation(field, "Domain " + domain + " is listed twice."));
      }
    }
  }

  private void checkLanguages(List<FieldViolation> found) {
    if (languages.isEmpty()) {
      found.add(new FieldViolation("languages", "At least one language is required."));
    } else if (languages.size() > MAX_LANGUAGES) {
      found.add(
          new FieldViolation("languages", "At most " + MAX_LANGUAGES + " languages are allowed."));
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < languages.size(); i++) {
        String language = languages.get(i);
        String field = "languages[" + i + "]";
        if (!isLanguage(language)) {
          found.add(
              new FieldViolation(
                  field,
                  "A language must be a two-letter ISO 639-1 code in lower case, such as en."));
        } else if (!seen.add(language)) {
          found.add(new FieldViolation(field, "Language " + language + " is listed twice."));
        }
      }
    }
    if (defaultLanguage == null) {
      found.add(new FieldViolation("defaultLanguage", "Default language is required."));
    } else if (!isLanguage(defaultLanguage)) {
      found.add(
          new FieldViolation(
              "defaultLanguage",
              "Default language must be a two-letter ISO 639-1 code in lower case, such as en."));
    } else if (!languages.isEmpty() && !languages.contains(defaultLanguage)) {
      found.add(
          new FieldViolation(
              "defaultLanguage", "Default language must be one of the site's languages."));
    }
  }

  private void checkCountries(List<FieldViolation> found) {
    if (countries.isEmpty()) {
      found.add(new FieldViolation("countries", "At least one country is required."));
      return;
    }
    if (countries.size() > MAX_COUNTRIES) {
      found.add(
          new FieldViolation("countries", "At most " + MAX_COUNTRIES + " countries are allowed."));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < countries.size(); i++) {
      String country = countries.get(i);
      String field = "countries[" + i + "]";
      if (!COUNTRY.matcher(country).matches() || !COUNTRIES.contains(country)) {
        found.add(
            new FieldViolation(
                field, "A country must be an ISO 3166-1 alpha-2 code in capitals, such as FR."));
      } else if (!seen.add(country)) {
        found.add(new FieldViolation(field, "Country " + country + " is listed twice."));
      }
    }
  }

  private void checkTheme(List<FieldViolation> found) {
    if (colours.size() > MAX_COLOURS) {
      found.add(
          new FieldViolation("theme.colours", "At most " + MAX_COLOURS + " colours are allowed."));
    } else {
      colours.forEach(
          (colour, value) -> {
            if (!COLOUR_NAME.matcher(colour).matches()) {
              found.add(
                  new FieldViolation(
                      "theme.colours",
                      "A colour's name must be 1-32 lower-case letters, digits or dashes,"
                          + " starting with a letter, such as primary."));
            } else if (!COLOUR.matcher(value).matches()) {
              found.add(
                  new FieldViolation(
                      "theme.colours." + colour,
                      "A colour must be written #rrggbb, such as #1a2b3c."));
            }
          });
    }
    if (logoKey != null && !isLogoKey(logoKey)) {
      found.add(
          new FieldViolation(
              "theme.logoKey",
              "Logo key must be an object key of at most "
                  + MAX_LOGO_KEY
                  + " letters, digits and . _ - /, such as sites/shop/logo.svg."));
    }
    if (supportEmail != null && !isEmail(supportEmail)) {
      found.add(
          new FieldViolation("theme.supportEmail", "Support e-mail must be an e-mail address."));
    }
  }

  /** A host name as a site's domain: lower case, no port, not an IP address. */
  static boolean isHostName(String host) {
    if (host.isEmpty() || host.length() > MAX_HOST) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !NUMERIC.matcher(labels[labels.length - 1]).matches();
  }

  private static boolean isLanguage(String language) {
    return LANGUAGE.matcher(language).matches() && LANGUAGES.contains(language);
  }

  private static boolean isCurrency(String code) {
    if (!CURRENCY.matcher(code).matches()) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isLogoKey(String key) {
    return key.length() <= MAX_LOGO_KEY
        && LOGO_KEY.matcher(key).matches()
        && !key.endsWith("/")
        && Arrays.stream(key.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".."));
  }

  static boolean isEmail(String address) {
    int at = address.lastIndexOf('@');
    if (address.length() > MAX_EMAIL || at <= 0) {
      return false;
    }
    String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
    return MAILBOX.matcher(address.substring(0, at)).matches()
        && !address.startsWith(".")
        && !address.substring(0, at).endsWith(".")
        && !address.substring(0, at).contains("..")
        && domain.indexOf('.') > 0
        && isHostName(domain);
  }
}
