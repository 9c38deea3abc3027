package io.opencommerce.newsletters.api;

import java.util.Map;

/**
 * The small pages a subscriber sees when they follow a link of a mail in a browser (the API's own
 * links; a shop may point {@code newsletters.links.*} at pages of its own that call the API): the
 * subscription confirmed, the unsubscribe page with its one button (a link only shows it: mail
 * scanners follow every link, RFC 8058, so leaving takes the button's POST), and the farewell. In
 * English, French or German, after the subscriber's language; the shop's name is HTML-escaped;
 * nothing of the request (the link's token) is written into the page.
 */
final class SubscriptionPages {
  /** Served with every page: nothing to load, no framing, no referrer carrying the link away. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

  private SubscriptionPages() {}

  /**
   * One language's wording: titles and sentences, {@code %s} standing for the HTML-escaped shop
   * name.
   */
  private record Wording(
      String confirmedTitle,
      String confirmed,
      String unsubscribeTitle,
      String unsubscribeQuestion,
      String unsubscribeButton,
      String unsubscribedTitle,
      String unsubscribed) {}

  private static final Map<String, Wording> WORDING =
      Map.of(
          "en",
          new Wording(
              "Subscription confirmed",
              "You will receive the %s newsletter.",
              "Unsubscribe",
              "Stop receiving the %s newsletter?",
              "Unsubscribe",
              "Unsubscribed",
              "You will receive no more newsletters from %s."),
          "fr",
          new Wording(
              "Inscription confirmée",
              "Vous recevrez la lettre de %s.",
              "Désinscription",
              "Ne plus recevoir la lettre de %s ?",
              "Me désinscrire",
              "Désinscription faite",
              "Vous ne recevrez plus la lettre de %s."),
          "de",
          new Wording(
              "Anmeldung bestätigt",
              "Sie erhalten künftig den Newsletter von %s.",
              "Newsletter abbestellen",
              "Den Newsletter von %s nicht mehr erhalten?",
              "Abbestellen",
              "Abbestellt",
              "Sie erhalten keine Newsletter von %s mehr."));

  static String confirmed(String language, String shopName) {
    Wording w = wording(language);
    return page(lang(language), w.confirmedTitle(), w.confirmed().formatted(escape(shopName)));
  }

  /** The unsubscribe page: one button that POSTs the one-click body to the page's own address. */
  static String unsubscribeForm(String language, String shopName) {
    Wording w = wording(language);
    String form =
        "<form method=\"post\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">"
            + w.unsubscribeButton()
            + "</button></form>";
    return page(
        lang(language),
        w.unsubscribeTitle(),
        w.unsubscribeQuestion().formatted(escape(shopName)) + "</p>" + form + "<p>");
  }

  static String unsubscribed(String language, String shopName) {
    Wording w = wording(language);
    return page(
        lang(language), w.unsubscribedTitle(), w.unsubscribed().formatted(escape(shopName)));
  }

  /** The subscriber's language when the pages speak it, English otherwise. */
  private static String lang(String language) {
    return WORDING.containsKey(language) ? language : "en";
  }

  private static Wording wording(String language) {
    return WORDING.get(lang(language));
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
