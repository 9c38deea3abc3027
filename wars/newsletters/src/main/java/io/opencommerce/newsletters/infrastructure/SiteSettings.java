package io.opencommerce.newsletters.infrastructure;

import io.opencommerce.kit.sites.Site;
import io.opencommerce.kit.sites.SiteRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How each site signs its mails, from the site registry the websites service feeds (the kit's
 * {@link SiteRegistry}: a read model, no call per mail):
 *
 * <ul>
 *   <li>the language of its customers' mails: the language a mail asks for when the site offers it,
 *       the site's default language otherwise;
 *   <li>the name mails are signed with: the site's name;
 *   <li>the address customers may write to: the site's support address (its theme);
 *   <li>the mails' {@code From:}: {@code newsletters.sites.<site>.from}, else {@code
 *       newsletters.mail.from} (no-reply@opencommerce.local) — the sending address belongs to the
 *       mail set-up (SPF, DKIM), not to the shop's settings.
 * </ul>
 *
 * A site the registry does not describe (deactivated since the event was published) is signed as
 * the platform: English, OpenCommerce, support@opencommerce.local.
 */
@ApplicationScoped
public class SiteSettings {
  public static final String DEFAULT_LANGUAGE = "en";
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  @Inject SiteRegistry registry;

  /** A site's branding and language. */
  public record Branding(
      String site, String language, String shopName, String supportEmail, String from) {}

  public Branding of(String site) {
    Config config = ConfigProvider.getConfig();
    String from =
        config
            .getOptionalValue("newsletters.sites." + site + ".from", String.class)
            .or(() -> config.getOptionalValue("newsletters.mail.from", String.class))
            .orElse("OpenCommerce <no-reply@opencommerce.local>");
    Optional<Site> known = described(site);
    return new Branding(
        site,
        known.map(Site::defaultLanguage).orElse(DEFAULT_LANGUAGE),
        known.map(Site::name).orElse("OpenCommerce"),
        known
            .map(Site::theme)
            .map(theme -> theme.supportEmail())
            .filter(email -> email != null && !email.isBlank())
            .orElse("support@opencommerce.local"),
        from);
  }

  /**
   * The language a mail is written in: {@code wanted} (the language an event or a subscriber names;
   * {@code fr-CA} counts as {@code fr}) when the site offers it, otherwise the site's default.
   */
  public String language(String site, String wanted) {
    Optional<Site> known = described(site);
    if (wanted != null) {
      String code = wanted.strip().toLowerCase(Locale.ROOT);
      if (code.length() > 2 && (code.charAt(2) == '-' || code.charAt(2) == '_')) {
        code = code.substring(0, 2); // fr-CA, fr_FR: the language alone
      }
      String language = code;
      if (LANGUAGE.matcher(language).matches() && known.map(s -> s.offers(language)).orElse(true)) {
        return language;
      }
    }
    return known.map(Site::defaultLanguage).orElse(DEFAULT_LANGUAGE);
  }

  private Optional<Site> described(String site) {
    return registry.byCode(site).filter(Site::active);
  }
}
