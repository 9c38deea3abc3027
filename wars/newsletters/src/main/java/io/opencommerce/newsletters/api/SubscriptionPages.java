package io.opencommerce.newsletters.api;

/**
 * The small pages a subscriber sees when they follow a link of a mail in a browser (the API's own
 * links; a shop may point {@code newsletters.links.*} at pages of its own that call the API): the
 * subscription confirmed, the unsubscribe page with its one button (a link only shows it: mail
 * scanners follow every link, RFC 8058, so leaving takes the button's POST), and the farewell. In
 * English or French, after the subscriber's language; the shop's name is HTML-escaped; nothing of
 * the request (the link's token) is written into the page.
 */
final class SubscriptionPages {
  /** Served with every page: nothing to load, no framing, no referrer carrying the link away. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

  private SubscriptionPages() {}

  static String confirmed(String language, String shopName) {
    return french(language)
        ? page(
            "fr", "Inscription confirmée", "Vous recevrez la lettre de " + escape(shopName) + ".")
        : page(
            "en",
            "Subscription confirmed",
            "You will receive the " + escape(shopName) + " newsletter.");
  }

  /** The unsubscribe page: one button that POSTs the one-click body to the page's own address. */
  static String unsubscribeForm(String language, String shopName) {
    boolean fr = french(language);
    String form =
        "<form method=\"post\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">"
            + (fr ? "Me désinscrire" : "Unsubscribe")
            + "</button></form>";
    return fr
        ? page(
            "fr",
            "Désinscription",
            "Ne plus recevoir la lettre de " + escape(shopName) + " ?</p>" + form + "<p>")
        : page(
            "en",
            "Unsubscribe",
            "Stop receiving the " + escape(shopName) + " newsletter?</p>" + form + "<p>");
  }

  static String unsubscribed(String language, String shopName) {
    return french(language)
        ? page(
            "fr",
            "Désinscription faite",
            "Vous ne recevrez plus la lettre de " + escape(shopName) + ".")
        : page(
            "en",
            "Unsubscribed",
            "You will receive no more newsletters from " + escape(shopName) + ".");
  }

  private static boolean french(String language) {
    return "fr".equals(language);
  }

  private static String page(String language, String title, String message) {
    return "<!DOCTYPE html>\n<html lang=\""
        + language
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + title
        + "</title></head>"
        + "<body style=\"font-family: Arial, sans-serif; max-width: 600px; margin: 2em auto;\">"
        + "<h1 style=\"font-size: 20px;\">"
        + title
        + "</h1><p>"
        + message
        + "</p></body></html>\n";
  }

  /** Text for HTML: the five characters that could open markup or leave an attribute. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
