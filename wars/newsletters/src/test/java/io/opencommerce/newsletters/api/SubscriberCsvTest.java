package io.opencommerce.newsletters.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.newsletters.domain.Subscriber;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberCsvTest {
  @Test
  void plainFieldsStayAsTheyAre() {
    assertThat(SubscriberCsv.field("ann@example.com")).isEqualTo("ann@example.com");
    assertThat(SubscriberCsv.field("")).isEmpty();
    assertThat(SubscriberCsv.field(null)).isEmpty();
  }

  @Test
  void fieldsWithCommasQuotesLineBreaksOrBlanksAreQuoted() {
    assertThat(SubscriberCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(SubscriberCsv.field("say \"hi\"@example.com"))
        .isEqualTo("\"say \"\"hi\"\"@example.com\"");
    assertThat(SubscriberCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(SubscriberCsv.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    assertThat(SubscriberCsv.field(" padded ")).isEqualTo("\" padded \"");
  }

  @Test
  void whatASpreadsheetWouldTakeForAFormulaIsWrittenAsText() {
    assertThat(SubscriberCsv.field("=HYPERLINK(\"http://evil\")@x.com"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")@x.com\"");
    assertThat(SubscriberCsv.field("+1@x.com")).isEqualTo("'+1@x.com");
    assertThat(SubscriberCsv.field("-2@x.com")).isEqualTo("'-2@x.com");
    assertThat(SubscriberCsv.field("@SUM(1)")).isEqualTo("'@SUM(1)");
    assertThat(SubscriberCsv.field("\tx")).isEqualTo("'\tx");
    assertThat(SubscriberCsv.field("a=b@x.com")).as("only a leading sign").isEqualTo("a=b@x.com");
  }

  @Test
  void aRowEndsWithCrLfAndParsesBackToItsFields() {
    Subscriber subscriber =
        new Subscriber(
            "default", "Zoë,\"Q\"@Example.com", "fr", Instant.parse("2026-12-01T10:00:00Z"));
    String row = SubscriberCsv.row(subscriber);
    assertThat(row).endsWith("\r\n");
    assertThat(parse(row))
        .containsExactly(
            subscriber.id().toString(),
            "zoë,\"q\"@example.com",
            "PENDING",
            "fr",
            "",
            "2026-12-01T10:00:00Z",
            "",
            "");
  }

  @Test
  void theHeaderNamesEveryColumnOfARow() {
    assertThat(SubscriberCsv.header())
        .isEqualTo(
            "id,email,status,language,customer_id,requested_at,confirmed_at,unsubscribed_at\r\n");
    Subscriber subscriber = new Subscriber("default", "a@b.c", "en", Instant.now());
    assertThat(parse(SubscriberCsv.row(subscriber))).hasSize(SubscriberCsv.HEADER.size());
  }

  /** A minimal RFC 4180 reader for one line, to check what the writer wrote. */
  private static List<String> parse(String line) {
    java.util.ArrayList<String> fields = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    String body = line.substring(0, line.length() - 2);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return Arrays.asList(fields.toArray(String[]::new));
  }
}
