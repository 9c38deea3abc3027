package io.opencommerce.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The platform's sites as the suites need them: a site of a suite's own, created through the
 * websites service by the administrator, and known to every service before it is used — each
 * service learns of it from the {@code SiteChanged} event, and until then answers 404 {@code
 * unknown-site}.
 */
public final class Sites {
  public static final String WEBSITES = Platform.BASE + "/websites/api";

  /** Every service of the all-in-one server, each of which resolves sites on its own. */
  public static final List<String> SERVICES =
      List.of(
          "auth",
          "products",
          "addresses",
          "baskets",
          "orders",
          "deliveries",
          "newsletters",
          "contacts",
          "questions",
          "sav",
          "websites",
          "storefront");

  private Sites() {}

  /** A site's settings as the websites service takes them. */
  public record Settings(
      String code,
      String name,
      List<String> domains,
      String defaultLanguage,
      List<String> languages,
      String currency,
      List<String> countries,
      String timeZone,
      String supportEmail,
      boolean active) {

    /** An active English and French euro site without domains (reached with X-Site). */
    public static Settings of(String code) {
      return new Settings(
          code,
          "IT " + code,
          List.of(),
          "en",
          List.of("en", "fr"),
          "EUR",
          List.of("FR", "BE", "DE"),
          "Europe/Paris",
          "support@" + code + ".it.opencommerce.local",
          true);
    }

    public Settings withDomains(String... domains) {
      return new Settings(
          code,
          name,
          List.of(domains),
          defaultLanguage,
          languages,
          currency,
          countries,
          timeZone,
          supportEmail,
          active);
    }

    public Settings withLanguages(String defaultLanguage, String... languages) {
      return new Settings(
          code,
          name,
          domains,
          defaultLanguage,
          List.of(languages),
          currency,
          countries,
          timeZone,
          supportEmail,
          active);
    }

    public Settings withCurrency(String currency) {
      return new Settings(
          code,
          name,
          domains,
          defaultLanguage,
          languages,
          currency,
          countries,
          timeZone,
          supportEmail,
          active);
    }

    public Settings inactive() {
      return new Settings(
          code,
          name,
          domains,
          defaultLanguage,
          languages,
          currency,
          countries,
          timeZone,
          supportEmail,
          false);
    }

    /** The request body of POST /sites and PUT /sites/{code}. */
    public String json() {
      JsonObjectBuilder theme =
          Json.createObjectBuilder()
              .add("colours", Json.createObjectBuilder().add("primary", "#1a5fb4"))
              .add("supportEmail", supportEmail);
      return Json.createObjectBuilder()
          .add("code", code)
          .add("name", name)
          .add("domains", array(domains))
          .add("defaultLanguage", defaultLanguage)
          .add("languages", array(languages))
          .add("currency", currency)
          .add("countries", array(countries))
          .add("timeZone", timeZone)
          .add("theme", theme)
          .add("active", active)
          .build()
          .toString();
    }

    private static JsonArrayBuilder array(List<String> values) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      values.forEach(array::add);
      return array;
    }
  }

  /** A new code no other test uses: {@code <tag>-<random>}. */
  public static String newCode(String tag) {
    return tag + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** Creates the site and waits until every service knows it; answers its code. */
  public static String create(Settings settings) {
    Platform.Reply created =
        Platform.post(WEBSITES + "/sites", settings.json(), Platform.admin().accessToken());
    assertThat(created.status())
        .as("creating site %s: %s", settings.code(), created.body())
        .isEqualTo(201);
    awaitEverywhere(settings.code(), true);
    return settings.code();
  }

  /**
   * Replaces the site's settings and waits until every service holds them (as far as a service
   * shows: an active site is accepted, an inactive one refused).
   */
  public static void change(Settings settings) {
    Platform.Reply changed =
        Platform.send(
            "PUT",
            WEBSITES + "/sites/" + settings.code(),
            settings.json(),
            Platform.admin().accessToken());
    assertThat(changed.status())
        .as("changing site %s: %s", settings.code(), changed.body())
        .isEqualTo(200);
    awaitEverywhere(settings.code(), settings.active());
  }

  /**
   * Waits until every service accepts (or refuses) requests for the site: a request for a path no
   * service has still passes site resolution first, so 404 {@code unknown-site} means the service
   * does not know it (yet), any other answer that it does.
   */
  public static void awaitEverywhere(String code, boolean accepted) {
    for (String service : SERVICES) {
      org.awaitility.Awaitility.await(service + (accepted ? " accepts" : " refuses") + " " + code)
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> knows(service, code) == accepted);
    }
  }

  private static boolean knows(String service, String code) {
    Platform.Reply reply =
        Platform.request(
            "GET",
            "/" + service + "/api/site-probe",
            Platform.headers("X-Site", code, "Accept", "application/json"),
            null);
    return !(reply.status() == 404 && reply.body().contains("\"unknown-site\""));
  }
}
