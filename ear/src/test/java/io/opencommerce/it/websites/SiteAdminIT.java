package io.opencommerce.it.websites;

import static io.opencommerce.it.support.Platform.admin;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.EventTap.Message;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Sites;
import io.opencommerce.it.support.Sites.Settings;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sites as administrators keep them: every change published whole as {@code SiteChanged}, a
 * change that changes nothing publishing nothing; only administrators write or list them; bad
 * settings name the field and store nothing.
 */
class SiteAdminIT {
  private static final String SITES = Sites.WEBSITES + "/sites";
  private static final Duration EVENTUAL = Duration.ofSeconds(20);

  @Test
  void everyChangeIsPublishedWholeAndANoChangeIsNot() {
    Settings settings = Settings.of(Sites.newCode("events"));
    try (EventTap tap = new EventTap("SiteChanged.v1")) {
      Reply created = post(SITES, settings.json(), admin().accessToken());
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.header("Location")).endsWith("/sites/" + settings.code());
      Message first = tap.await(of(settings.code(), 1), EVENTUAL).orElseThrow();
      JsonObject event = first.payload();
      assertThat(event.getString("name")).isEqualTo(settings.name());
      assertThat(event.getString("currency")).isEqualTo("EUR");
      assertThat(event.getJsonArray("languages").getString(1)).isEqualTo("fr");
      assertThat(event.getJsonObject("theme").getString("supportEmail"))
          .isEqualTo("support@" + settings.code() + ".it.opencommerce.local");
      assertThat(event.getBoolean("active")).isTrue();
      assertThat(first.header("source")).isEqualTo("websites");

      Reply same =
          send("PUT", SITES + "/" + settings.code(), settings.json(), admin().accessToken());
      assertThat(same.status()).as(same.body()).isEqualTo(200);
      assertThat(same.json().getInt("version")).isEqualTo(1);

      Settings renamed = settings.withCurrency("CHF");
      Reply changed =
          send("PUT", SITES + "/" + settings.code(), renamed.json(), admin().accessToken());
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.json().getInt("version")).isEqualTo(2);
      assertThat(tap.await(of(settings.code(), 2), EVENTUAL)).isPresent();
      assertThat(tap.seen().stream().filter(of(settings.code(), 1)).count())
          .as("the replace that changed nothing published nothing")
          .isEqualTo(1);
    }
  }

  @Test
  void aConcurrentChangeIsRefusedByItsEntityTag() {
    Settings settings = Settings.of(Sites.newCode("etag"));
    Sites.create(settings);
    Reply read = get(SITES + "/" + settings.code(), admin().accessToken());
    String etag = read.header("ETag");
    assertThat(etag).isNotBlank();
    Reply first =
        Platform.request(
            "PUT",
            SITES + "/" + settings.code(),
            Platform.headers(
                "Content-Type",
                "application/json",
                "Authorization",
                Platform.bearer(admin().accessToken()),
                "If-Match",
                etag),
            settings.withCurrency("GBP").json());
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Platform.request(
            "PUT",
            SITES + "/" + settings.code(),
            Platform.headers(
                "Content-Type",
                "application/json",
                "Authorization",
                Platform.bearer(admin().accessToken()),
                "If-Match",
                etag),
            settings.withCurrency("USD").json())
        .assertProblem(412, null);
    assertThat(
            get(SITES + "/" + settings.code(), admin().accessToken()).json().getString("currency"))
        .isEqualTo("GBP");
  }

  @Test
  void onlyAdministratorsWriteOrListSites() {
    Settings settings = Settings.of(Sites.newCode("roles"));
    Platform.Session customer = Platform.registerAndLogin("site-roles");
    Platform.Session agent = Platform.newAgent("site-roles");
    post(SITES, settings.json(), null).assertProblem(401, null);
    post(SITES, settings.json(), customer.accessToken()).assertProblem(403, null);
    post(SITES, settings.json(), agent.accessToken()).assertProblem(403, null);
    get(SITES, customer.accessToken()).assertProblem(403, null);
    get(SITES + "/default", null).assertProblem(401, null);
    send("PUT", SITES + "/default", settings.json(), customer.accessToken())
        .assertProblem(403, null);
    get(SITES + "/" + settings.code(), admin().accessToken()).assertProblem(404, null);
    assertThat(get(SITES + "/current", null).status()).isEqualTo(200);
  }

  @Test
  void badSettingsNameTheFieldAndStoreNothing() {
    String code = Sites.newCode("bad");
    String good = Settings.of(code).json();
    String[][] cases = {
      {good.replace("\"EUR\"", "\"EURO\""), "body.currency"},
      {good.replace("\"Europe/Paris\"", "\"Mars/Olympus\""), "body.timeZone"},
      {
        good.replace("\"defaultLanguage\":\"en\"", "\"defaultLanguage\":\"de\""),
        "body.defaultLanguage"
      },
      {good.replace("\"#1a5fb4\"", "\"blue; background: url(x)\""), "body.theme.colours"},
      {good.replace("[\"FR\",\"BE\",\"DE\"]", "[\"FR\",\"XX\"]"), "body.countries"},
      {good.replace("\"code\":\"" + code + "\"", "\"code\":\"Not A Code\""), "body.code"},
      {good.replace("\"domains\":[]", "\"domains\":[\"bad host..example\"]"), "body.domains"},
      {
        good.replace("support@" + code + ".it.opencommerce.local", "not an address@@example"),
        "body.theme"
      },
    };
    for (String[] bad : cases) {
      Reply refused = post(SITES, bad[0], admin().accessToken());
      refused.assertProblem(400, null);
      assertThat(refused.body()).as("refusal of %s", bad[0]).contains(bad[1]);
    }
    post(SITES, "[" + good + "]", admin().accessToken()).assertProblem(400, null);
    get(SITES + "/" + code, admin().accessToken()).assertProblem(404, null);
  }

  @Test
  void aHostNameBelongsToOneSite() {
    String domain = Sites.newCode("shared") + ".shop.example";
    Sites.create(Settings.of(Sites.newCode("owner")).withDomains(domain));
    Settings second = Settings.of(Sites.newCode("other")).withDomains(domain);
    post(SITES, second.json(), admin().accessToken()).assertProblem(409, "domain-taken");
    get(SITES + "/" + second.code(), admin().accessToken()).assertProblem(404, null);
  }

  private static java.util.function.Predicate<Message> of(String code, int version) {
    return m ->
        code.equals(m.payload().getString("code", null))
            && m.payload().getJsonNumber("version").intValue() == version;
  }
}
