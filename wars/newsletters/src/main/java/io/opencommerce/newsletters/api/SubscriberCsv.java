package io.opencommerce.newsletters.api;

import io.opencommerce.newsletters.domain.Subscriber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Subscribers as CSV (RFC 4180): a header row, then one row per subscriber, lines ending in CRLF. A
 * field holding a comma, a double quote, a line break or surrounding blanks is put in double
 * quotes, its double quotes doubled. Anyone may subscribe any address the form accepts, and the
 * export is opened in spreadsheets: a field that a spreadsheet would take for a formula (starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written after a
 * single quote, which spreadsheets show as text (OWASP's advice against CSV injection).
 */
final class SubscriberCsv {
  static final String NEWLINE = "\r\n";
  static final List<String> HEADER =
      List.of(
          "id",
          "email",
          "status",
          "language",
          "customer_id",
          "requested_at",
          "confirmed_at",
          "unsubscribed_at");

  private SubscriberCsv() {}

  /** The header row, with its line end. */
  static String header() {
    return line(HEADER);
  }

  /** One subscriber's row, with its line end. */
  static String row(Subscriber s) {
    return line(
        List.of(
            s.id().toString(),
            s.email(),
            s.status().name(),
            s.language(),
            text(s.customerId()),
            text(s.requestedAt()),
            text(s.confirmedAt()),
            text(s.unsubscribedAt())));
  }

  /** Fields joined by commas, each written as {@link #field} says, and a line end. */
  static String line(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    return line.append(NEWLINE).toString();
  }

  /** One field: as it is, or guarded against formulas, and quoted where CSV needs it. */
  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = startsLikeAFormula(value) ? "'" + value : value;
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || !text.equals(text.strip());
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static boolean startsLikeAFormula(String value) {
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  private static String text(Object value) {
    return value == null
        ? ""
        : value instanceof Instant at ? at.toString() : Objects.toString(value);
  }
}
