package io.opencommerce.newsletters.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of a one-click unsubscribe (RFC 8058): {@code List-Unsubscribe=One-Click}, sent as
 * {@code application/x-www-form-urlencoded} or as one part of {@code multipart/form-data}. The body
 * is read as text here rather than through form parameters, which come back empty once the
 * platform's request-size limit has wrapped the request's stream.
 */
final class OneClick {
  private static final String NAME = "List-Unsubscribe";
  private static final String VALUE = "One-Click";
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART =
      Pattern.compile(
          "Content-Disposition:\\s*form-data;\\s*name=\"?"
              + NAME
              + "\"?[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)",
          Pattern.CASE_INSENSITIVE);

  private OneClick() {}

  /** Whether {@code body} of type {@code contentType} says {@code List-Unsubscribe=One-Click}. */
  static boolean asks(String contentType, String body) {
    if (body == null || contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      for (String pair : body.strip().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0
            && NAME.equals(decode(pair.substring(0, eq)))
            && VALUE.equals(decode(pair.substring(eq + 1)).strip())) {
          return true;
        }
      }
      return false;
    }
    if (type.startsWith("multipart/form-data") && BOUNDARY.matcher(contentType).find()) {
      Matcher part = PART.matcher(body);
      return part.find() && VALUE.equals(part.group(1).strip());
    }
    return false;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
