package io.opencommerce.newsletters.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.RenderedMail;
import io.opencommerce.newsletters.infrastructure.TemplateEngine.TemplateException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateEngineTest {

  @Test
  void escapesValuesInTheHtmlPartOnly() {
    UUID version = UUID.randomUUID();
    RenderedMail mail =
        TemplateEngine.compile(version, "Hi {{name}}", "Hi {{name}}", "<p>Hi {{name}}</p>")
            .render(Map.of("name", "<b>Tom & \"Jerry\"</b>"));
    assertThat(mail.subject()).isEqualTo("Hi <b>Tom & \"Jerry\"</b>");
    assertThat(mail.text()).isEqualTo("Hi <b>Tom & \"Jerry\"</b>");
    assertThat(mail.html())
        .isEqualTo("<p>Hi &lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</p>")
        .doesNotContain("<b>");
    assertThat(mail.templateVersionId()).isEqualTo(version);
  }

  @Test
  void rendersSectionsOverListsAndNestedMaps() {
    RenderedMail mail =
        TemplateEngine.compile(
                null,
                "{{order.number}}",
                "{{#lines}}{{quantity}}x{{name}};{{/lines}}{{^lines}}none{{/lines}}",
                "{{#order}}{{number}}{{/order}}")
            .render(
                Map.of(
                    "order", Map.of("number", "OC-1"),
                    "lines",
                        List.of(
                            Map.of("name", "tea", "quantity", 2),
                            Map.of("name", "cup", "quantity", 1))));
    assertThat(mail.subject()).isEqualTo("OC-1");
    assertThat(mail.text()).isEqualTo("2xtea;1xcup;");
    assertThat(mail.html()).isEqualTo("OC-1");
  }

  @Test
  void theSubjectIsOneLine() {
    assertThat(
            TemplateEngine.compile(null, "Hello\n {{name}} \r\n!", "", "")
                .render(Map.of("name", "Ann"))
                .subject())
        .isEqualTo("Hello Ann !");
  }

  @Test
  void reachesNoMethodOrFieldOfTheValues() {
    // A template is data, not code: only map keys resolve, never getters of the objects.
    RenderedMail mail =
        TemplateEngine.compile(
                null,
                "{{name.class}}{{name.bytes}}{{name.length}}",
                "[{{name.class.classLoader}}][{{name.empty}}]",
                "{{#name.class}}leak{{/name.class}}")
            .render(Map.of("name", "Ann"));
    assertThat(mail.subject()).isEmpty();
    assertThat(mail.text()).isEqualTo("[][]");
    assertThat(mail.html()).isEmpty();
  }

  @Test
  void refusesPartialsNamingThePart() {
    assertThatThrownBy(() -> TemplateEngine.compile(null, "ok", "{{> /etc/passwd}}", "ok"))
        .isInstanceOf(TemplateException.class)
        .satisfies(e -> assertThat(((TemplateException) e).part()).isEqualTo("text"));
  }

  @Test
  void refusesUnescapedTagsInTheHtmlPart() {
    for (String html : List.of("<p>{{{name}}}</p>", "<p>{{&name}}</p>")) {
      assertThatThrownBy(() -> TemplateEngine.compile(null, "ok", "ok", html))
          .isInstanceOf(TemplateException.class)
          .hasMessageStartingWith("does not compile")
          .satisfies(e -> assertThat(((TemplateException) e).part()).isEqualTo("html"));
    }
  }

  @Test
  void namesThePartThatDoesNotCompile() {
    assertThatThrownBy(() -> TemplateEngine.compile(null, "{{#open}}never closed", "ok", "ok"))
        .isInstanceOf(TemplateException.class)
        .satisfies(e -> assertThat(((TemplateException) e).part()).isEqualTo("subject"));
    assertThatThrownBy(() -> TemplateEngine.compile(null, "ok", "ok", "{{#a}}{{/b}}"))
        .isInstanceOf(TemplateException.class)
        .satisfies(e -> assertThat(((TemplateException) e).part()).isEqualTo("html"));
  }

  @ParameterizedTest
  @EnumSource(MailKind.class)
  void everyBuiltInTemplateRendersItsSampleInEachBuiltInLanguage(MailKind kind) {
    for (String language : BuiltInTemplates.LANGUAGES) {
      RenderedMail mail = BuiltInTemplates.of(kind, language).orElseThrow().render(kind.sample());
      assertThat(mail.subject()).as("%s %s", kind, language).isNotBlank().doesNotContain("{{");
      assertThat(mail.text()).isNotBlank().doesNotContain("{{").contains("OpenCommerce");
      assertThat(mail.html()).startsWith("<!DOCTYPE html>").doesNotContain("{{");
      assertThat(mail.templateVersionId()).isNull();
    }
  }

  @Test
  void builtInTemplatesCarryTheirKindsData() {
    RenderedMail order =
        BuiltInTemplates.of(MailKind.ORDER_CONFIRMATION, "fr")
            .orElseThrow()
            .render(MailKind.ORDER_CONFIRMATION.sample());
    assertThat(order.subject()).isEqualTo("Votre commande OC-7K2M9Q4XRB est confirmée");
    assertThat(order.text()).contains("2 x Sencha green tea", "€43.00", "75002 Paris");
    assertThat(order.html()).contains("<td>Espresso cups");
    // The address keeps one line per part, whichever optional parts it lacks.
    assertThat(order.text()).containsPattern("\\n8 rue de la Paix\\n75002 Paris\\nFR\\n");

    RenderedMail reset =
        BuiltInTemplates.of(MailKind.PASSWORD_RESET, "en")
            .orElseThrow()
            .render(MailKind.PASSWORD_RESET.sample());
    assertThat(reset.text()).contains("https://shop.example.com/reset-password?token=SAMPLE-TOKEN");
    // In HTML the link is an attribute: its & and = are escaped as HTML requires, never raw.
    assertThat(reset.html()).contains("href=\"https://shop.example.com/reset-password?token");

    RenderedMail parcel =
        BuiltInTemplates.of(MailKind.SHIPMENT_UPDATE, "en")
            .orElseThrow()
            .render(MailKind.SHIPMENT_UPDATE.sample());
    assertThat(parcel.subject()).isEqualTo("Your parcel for order OC-7K2M9Q4XRB is on its way");
    assertThat(parcel.text()).contains("SIM12345678903", "Estimated delivery: December 24, 2026");
  }

  @Test
  void aTicketAnswerQuotesTheReplyAndLinksTheTicketInBothLanguages() {
    Map<String, Object> data = new java.util.LinkedHashMap<>(MailKind.TICKET_ANSWER.sample());
    data.put("reply", "Use <b>this</b> & \"that\"\nSecond line");
    data.put("ticketLink", "https://shop.example.com/account/tickets/T-1?x=1&y=2");

    RenderedMail english =
        BuiltInTemplates.of(MailKind.TICKET_ANSWER, "en").orElseThrow().render(data);
    assertThat(english.subject()).isEqualTo("Re: My parcel has not arrived [SAV-2026-000042]");
    assertThat(english.text())
        .contains("Hello Alex Martin,")
        .contains("Camille from our support team replied to your request SAV-2026-000042")
        .contains("Use <b>this</b> & \"that\"\nSecond line")
        .contains("https://shop.example.com/account/tickets/T-1?x=1&y=2");
    // The reply is the customer's to read, never markup the mail runs.
    assertThat(english.html())
        .contains("Use &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot;")
        .doesNotContain("<b>this</b>")
        .contains("<blockquote")
        .contains("href=\"https://shop.example.com/account/tickets/T-1?x&#61;1&amp;y&#61;2\"");

    RenderedMail french =
        BuiltInTemplates.of(MailKind.TICKET_ANSWER, "fr").orElseThrow().render(data);
    assertThat(french.subject()).isEqualTo("Re : My parcel has not arrived [SAV-2026-000042]");
    assertThat(french.text())
        .contains("Bonjour Alex Martin,")
        .contains("Camille, de notre service client, a répondu à votre demande SAV-2026-000042")
        .contains("https://shop.example.com/account/tickets/T-1?x=1&y=2");
    assertThat(french.html())
        .contains("Use &lt;b&gt;this&lt;/b&gt;")
        .contains("Lire toute la conversation et répondre");

    // Without an agent's name the reply comes from the support team.
    data.put("agentName", "");
    assertThat(BuiltInTemplates.of(MailKind.TICKET_ANSWER, "en").orElseThrow().render(data).text())
        .contains("Our support team replied to your request SAV-2026-000042");
  }

  @Test
  void aTemplateFileNeedsItsThreeParts() {
    assertThatThrownBy(() -> BuiltInTemplates.parse("--- subject\nHi\n--- text\nHi\n", "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("x");
    BuiltInTemplates.Parts parts =
        BuiltInTemplates.parse(
            "{{! comment }}\n--- subject\n Hi \n--- text\nT\n--- html\nH\n", "y");
    assertThat(parts).isEqualTo(new BuiltInTemplates.Parts("Hi", "T\n", "H\n"));
  }
}
