package io.opencommerce.it.newsletters;

import static io.opencommerce.it.newsletters.TransactionalMailIT.NEWSLETTERS;
import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.client.RegisterRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.newsletters.client.TemplateRequest;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The administrators' side: the mail queue and the templates. Who may call what, bad input refused
 * with nothing stored, and a template activated for a site rendering that site's next mails.
 */
class MailAdminIT {
  private static final String WELCOME_HTML =
      "<p>Bienvenue {{name}} chez {{shopName}}</p><p>{{email}}</p>";

  private static String agentToken() {
    Session agent = Platform.registerAndLogin("nl-agent");
    String admin = Platform.admin().accessToken();
    Reply granted =
        Platform.send("PUT", AUTH + "/users/" + agent.userId() + "/roles/agent", null, admin);
    assertThat(granted.status()).as(granted.body()).isIn(200, 204);
    return Platform.login(agent.email(), agent.password(), agent.userId()).accessToken();
  }

  @Test
  void onlyAdministratorsReachTheQueueAndTheTemplates() {
    String customer = Platform.registerAndLogin("nl-customer").accessToken();
    String agent = agentToken();
    String admin = Platform.admin().accessToken();
    String someId = UUID.randomUUID().toString();
    String template = templateJson("welcome", "en", "Hi {{name}}", "Hi {{name}}", "<p>Hi</p>");
    List<String[]> endpoints =
        List.of(
            new String[] {"GET", "/mails", null},
            new String[] {"GET", "/mails/" + someId, null},
            new String[] {"POST", "/mails/" + someId + "/resend", null},
            new String[] {"GET", "/templates", null},
            new String[] {"POST", "/templates", template},
            new String[] {"GET", "/templates/" + someId, null},
            new String[] {"POST", "/templates/" + someId + "/preview", null},
            new String[] {"POST", "/templates/" + someId + "/activation", null});
    for (String[] e : endpoints) {
      String url = NEWSLETTERS + e[1];
      assertThat(Platform.send(e[0], url, e[2], null).status())
          .as("anonymous %s %s", e[0], e[1])
          .isEqualTo(401);
      Platform.send(e[0], url, e[2], customer).assertProblem(403, null);
      Platform.send(e[0], url, e[2], agent).assertProblem(403, null);
    }
    assertThat(get(NEWSLETTERS + "/mails", admin).status()).isEqualTo(200);
    assertThat(get(NEWSLETTERS + "/templates", admin).status()).isEqualTo(200);
    get(NEWSLETTERS + "/mails/" + someId, admin).assertProblem(404, "not-found");
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndStoresNothing() {
    String admin = Platform.admin().accessToken();
    String site = Platform.newSite("it-nl");
    assertThat(
            field(
                get(NEWSLETTERS + "/mails?status=LOST", admin)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.status");
    assertThat(
            field(
                get(NEWSLETTERS + "/mails?limit=0", admin).assertProblem(400, "validation-failed")))
        .isEqualTo("query.limit");
    assertThat(
            field(
                get(NEWSLETTERS + "/templates?kind=spam", admin)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("query.kind");
    get(NEWSLETTERS + "/mails/not-a-uuid", admin).assertProblem(404, null);

    // Templates that do not compile, or would print raw HTML, or reach for files: 400 naming the
    // part, nothing stored.
    for (String[] bad :
        List.of(
            new String[] {"{{#open}}", "ok", "<p>ok</p>", "body.subject"},
            new String[] {"ok", "{{> /etc/passwd}}", "<p>ok</p>", "body.text"},
            new String[] {"ok", "ok", "<p>{{{name}}}</p>", "body.html"},
            new String[] {"ok", "ok", "<p>{{#a}}{{/b}}</p>", "body.html"})) {
      Reply refused =
          sendWithSite(
              "POST",
              "/templates",
              templateJson("welcome", "en", bad[0], bad[1], bad[2]),
              admin,
              site);
      assertThat(field(refused.assertProblem(400, "validation-failed"))).isEqualTo(bad[3]);
    }
    assertThat(
            field(
                sendWithSite(
                        "POST",
                        "/templates",
                        templateJson("spam", "en", "a", "b", "c"),
                        admin,
                        site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.kind");
    assertThat(
            field(
                sendWithSite(
                        "POST",
                        "/templates",
                        templateJson("welcome", "english", "a", "b", "c"),
                        admin,
                        site)
                    .assertProblem(400, "validation-failed")))
        .isEqualTo("body.language");
    sendWithSite("POST", "/templates", "[{\"kind\":\"welcome\"}]", admin, site)
        .assertProblem(400, "malformed-json");
    assertThat(sendWithSite("GET", "/templates", null, admin, site).json().getInt("total"))
        .isZero();
  }

  @Test
  void anActiveTemplateRendersTheNextMailsOfItsSiteOnly() {
    String admin = Platform.admin().accessToken();
    String site = Platform.newSite("it-nl");
    Reply created =
        sendWithSite(
            "POST",
            "/templates",
            templateJson(
                "welcome",
                "en",
                "Bienvenue {{name}}",
                "Bienvenue {{name}} ({{email}})",
                WELCOME_HTML),
            admin,
            site);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject version = created.json();
    assertThat(version.getInt("number")).isEqualTo(1);
    assertThat(version.getBoolean("active")).isFalse();
    String id = version.getString("id");
    // Another site does not see it.
    get(NEWSLETTERS + "/templates/" + id, admin).assertProblem(404, "not-found");

    JsonObject preview =
        sendWithSite("POST", "/templates/" + id + "/preview", null, admin, site).json();
    assertThat(preview.getString("subject")).isEqualTo("Bienvenue Alex Martin");
    assertThat(preview.getString("html"))
        .contains("<p>Bienvenue Alex Martin chez IT " + site + "</p>");

    JsonObject active =
        sendWithSite("POST", "/templates/" + id + "/activation", null, admin, site).json();
    assertThat(active.getBoolean("active")).isTrue();

    String email = Platform.newEmail("site-welcome");
    Reply registered =
        Platform.request(
            "POST",
            AUTH + "/users",
            Platform.headers("Content-Type", "application/json", "X-Site", site),
            Bodies.json(new RegisterRequest(email, Platform.PASSWORD, "Site <Reader>")));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    Mailbox.Mail mail = Mailbox.await(email, m -> m.subject().startsWith("Bienvenue"));
    assertThat(mail.subject()).isEqualTo("Bienvenue Site <Reader>");
    assertThat(mail.html())
        .contains("Bienvenue Site &lt;Reader&gt; chez")
        .doesNotContain("<Reader>");

    // The default site still welcomes with the built-in template.
    Session other = Platform.registerAndLogin("default-site");
    Mailbox.await(other.email(), m -> m.subject().equals("Welcome to OpenCommerce"));
  }

  private static String templateJson(
      String kind, String language, String subject, String text, String html) {
    return Bodies.json(new TemplateRequest(kind, language, subject, text, html));
  }

  private static Reply sendWithSite(
      String method, String path, String json, String token, String site) {
    return Platform.request(
        method,
        NEWSLETTERS + path,
        Platform.headers(
            "Authorization",
            "Bearer " + token,
            "X-Site",
            site,
            "Content-Type",
            json == null ? null : "application/json"),
        json);
  }

  private static String field(Reply problem) {
    return problem.json().getJsonArray("errors").getJsonObject(0).getString("field");
  }
}
