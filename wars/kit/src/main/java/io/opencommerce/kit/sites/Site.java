package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.contracts.websites.SiteTheme;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One site (store) of the platform as every service knows it from its {@link SiteRegistry}: where
 * it answers, what it sells in and to whom, how it looks. The request's site is {@code
 * CurrentRequest.currentSite()}.
 *
 * <p>An inactive site is held as a tombstone: its code, domains and version only (no languages or
 * theme), as the websites service's registry feed describes it; every request for it, by code or by
 * host name, is refused.
 *
 * @param code lower case, {@code [a-z0-9][a-z0-9-]{0,39}}, never changed
 * @param name what customers read, or null for an inactive site
 * @param domains the host names the site answers on (lower case, no port)
 * @param defaultLanguage the language of a request that asks for none the site offers
 * @param languages the two-letter languages the site offers, the default among them
 * @param currency the ISO 4217 code of the one currency the site sells in
 * @param countries the ISO 3166-1 alpha-2 codes of the countries the site sells to
 * @param timeZone the site's time zone (its opening hours, its dates), or null for an inactive site
 * @param theme colours, logo and support address, or null for an inactive site
 * @param active whether the site serves requests
 * @param version one more with every change; an older version never replaces a newer one
 */
public record Site(
    String code,
    String name,
    List<String> domains,
    String defaultLanguage,
    List<String> languages,
    String currency,
    List<String> countries,
    ZoneId timeZone,
    SiteTheme theme,
    boolean active,
    long version) {

  public Site {
    Objects.requireNonNull(code, "code is required");
    domains = domains == null ? List.of() : List.copyOf(domains);
    languages = languages == null ? List.of() : List.copyOf(languages);
    countries = countries == null ? List.of() : List.copyOf(countries);
    if (theme != null) {
      theme =
          new SiteTheme(
              theme.colours() == null ? Map.of() : Map.copyOf(theme.colours()),
              theme.logoKey(),
              theme.supportEmail());
    }
  }

  /**
   * The site a {@link SiteChanged} describes. An inactive one becomes a tombstone (code, domains
   * and version only), whatever else the event carries, so that every replica holds the same
   * whether it heard of the site from an event or from the feed.
   *
   * @throws IllegalArgumentException when an active site's time zone is no zone id
   */
  public static Site of(SiteChanged changed) {
    if (!changed.active()) {
      return tombstone(changed.code(), changed.domains(), changed.version());
    }
    ZoneId zone;
    try {
      zone = changed.timeZone() == null ? null : ZoneId.of(changed.timeZone());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "Site " + changed.code() + " has an unknown time zone: " + changed.timeZone(), e);
    }
    return new Site(
        changed.code(),
        changed.name(),
        changed.domains(),
        changed.defaultLanguage(),
        changed.languages(),
        changed.currency(),
        changed.countries(),
        zone,
        changed.theme(),
        true,
        changed.version());
  }

  /** An inactive site: known, refused, and nothing else said about it. */
  public static Site tombstone(String code, long version) {
    return tombstone(code, List.of(), version);
  }

  /**
   * An inactive site with the host names it answered on, so that a request sent to one is refused
   * rather than served as the default site.
   */
  public static Site tombstone(String code, List<String> domains, long version) {
    return new Site(code, null, domains, null, null, null, null, null, null, false, version);
  }

  /** Whether the site offers {@code language} (a two-letter code, any case). */
  public boolean offers(String language) {
    return language != null && languages.contains(language.toLowerCase(Locale.ROOT));
  }

  /** Whether the site sells in {@code currency} (an ISO 4217 code, any case). */
  public boolean sellsIn(String currency) {
    return currency != null
        && this.currency != null
        && this.currency.equalsIgnoreCase(currency.strip());
  }

  /** Whether the site sells to {@code country} (an ISO 3166-1 alpha-2 code, any case). */
  public boolean sellsTo(String country) {
    return country != null && countries.contains(country.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The language to answer in: {@code requested} when the site offers it (a tag such as {@code
   * fr-CA} counts as its language, {@code fr}), else the site's default language.
   */
  public String language(String requested) {
    if (requested != null) {
      String tag = requested.strip().toLowerCase(Locale.ROOT);
      if (languages.contains(tag)) {
        return tag;
      }
      int dash = tag.indexOf('-');
      if (dash > 0 && languages.contains(tag.substring(0, dash))) {
        return tag.substring(0, dash);
      }
    }
    return defaultLanguage;
  }

  /** Whether the site answers on {@code host} (a host name as {@link SiteResolver} reads it). */
  public boolean answersOn(String host) {
    return host != null && domains.contains(host);
  }
}
