package io.opencommerce.newsletters.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How each site signs its mails, from configuration ({@code SITE} is the site's code, {@code
 * default} for the platform's one site):
 *
 * <ul>
 *   <li>{@code newsletters.sites.<site>.language}: the language of its customers' mails when the
 *       mail has none of its own (en);
 *   <li>{@code newsletters.sites.<site>.shop-name}: the name mails are signed with (OpenCommerce);
 *   <li>{@code newsletters.sites.<site>.support-email}: the address customers may write to
 *       (support@opencommerce.local);
 *   <li>{@code newsletters.sites.<site>.from}: the mails' {@code From:} ({@code
 *       newsletters.mail.from}, no-reply@opencommerce.local).
 * </ul>
 *
 * Read on every mail, so a changed environment applies to the next one.
 */
@ApplicationScoped
public class SiteSettings {
  public static final String DEFAULT_LANGUAGE = "en";
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  /** A site's branding and language. */
  public record Branding(
      String site, String language, String shopName, String supportEmail, String from) {}

  public Branding of(String site) {
    Config config = ConfigProvider.getConfig();
    String prefix = "newsletters.sites." + site + ".";
    String language =
        config
            .getOptionalValue(prefix + "language", String.class)
            .map(l -> l.strip().toLowerCase(Locale.ROOT))
            .filter(l -> LANGUAGE.matcher(l).matches())
            .orElse(DEFAULT_LANGUAGE);
    String from =
        config
            .getOptionalValue(prefix + "from", String.class)
            .or(() -> config.getOptionalValue("newsletters.mail.from", String.class))
            .orElse("OpenCommerce <no-reply@opencommerce.local>");
    return new Branding(
        site,
        language,
        config.getOptionalValue(prefix + "shop-name", String.class).orElse("OpenCommerce"),
        config
            .getOptionalValue(prefix + "support-email", String.class)
            .orElse("support@opencommerce.local"),
        from);
  }

  /**
   * The language a mail is written in: {@code wanted} (the language an event names) when it is a
   * two-letter code, otherwise the site's.
   */
  public String language(String site, String wanted) {
    if (wanted != null) {
      String code = wanted.strip().toLowerCase(Locale.ROOT);
      if (code.length() > 2 && (code.charAt(2) == '-' || code.charAt(2) == '_')) {
        code = code.substring(0, 2); // fr-CA, fr_FR: the language alone
      }
      if (LANGUAGE.matcher(code).matches()) {
        return code;
      }
    }
    return of(site).language();
  }
}
