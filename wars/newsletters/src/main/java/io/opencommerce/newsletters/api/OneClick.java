package io.opencommerce.newsletters.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a one-click unsubscribe (RFC 8058): {@code List-Unsubscribe=One-Click}. Sent as
 * {@code application/x-www-form-urlencoded} it arrives as a form parameter ({@link #FIELD}); sent
 * as one part of {@code multipart/form-data} it is read here from the body's text.
 */
final class OneClick {
  /** The form field's name, and the value that asks to leave. */
  static final String FIELD = "List-Unsubscribe";

  static final String VALUE = "One-Click";

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART =
      Pattern.compile(
          "Content-Disposition:\\s*form-data;\\s*name=\"?"
              + FIELD
              + "\"?[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)",
          Pattern.CASE_INSENSITIVE);

  private OneClick() {}

  /** Whether the form field's value says {@code One-Click} (surrounding blanks aside). */
  static boolean isOneClick(String value) {
    return value != null && VALUE.equals(value.strip());
  }

  /** Whether the multipart {@code body} of type {@code contentType} says {@code One-Click}. */
  static boolean asksInMultipart(String contentType, String body) {
    if (body == null || contentType == null) {
      return false;
    }
    if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        && BOUNDARY.matcher(contentType).find()) {
      Matcher part = PART.matcher(body);
      return part.find() && isOneClick(part.group(1));
    }
    return false;
  }
}
