package io.opencommerce.websites.api;

import io.opencommerce.contracts.websites.SiteTheme;
import io.opencommerce.kit.sites.Site;
import io.opencommerce.websites.client.PublicSiteView;
import io.opencommerce.websites.client.SiteView;
import io.opencommerce.websites.client.Theme;
import io.opencommerce.websites.domain.Website;
import jakarta.ws.rs.core.EntityTag;
import java.util.Map;

/** Maps sites to the records of the public API. */
final class Views {
  private Views() {}

  static SiteView site(Website w) {
    return new SiteView(
        w.code(),
        w.name(),
        w.domains(),
        w.defaultLanguage(),
        w.languages(),
        w.currency(),
        w.countries(),
        w.timeZone(),
        new Theme(w.colours(), w.logoKey(), w.supportEmail()),
        w.active(),
        w.version(),
        w.createdAt(),
        w.changedAt());
  }

  /** The request's site as a shop front shows it: no domains, nothing about other sites. */
  static PublicSiteView current(Site s) {
    SiteTheme theme = s.theme();
    return new PublicSiteView(
        s.code(),
        s.name(),
        s.languages(),
        s.defaultLanguage(),
        s.currency(),
        s.countries(),
        s.timeZone() == null ? null : s.timeZone().getId(),
        theme == null
            ? new Theme(Map.of(), null, null)
            : new Theme(theme.colours(), theme.logoKey(), theme.supportEmail()));
  }

  /** A site's entity tag: its code and version, so it changes with every change. */
  static EntityTag etag(String code, long version) {
    return new EntityTag(code + "-" + version);
  }
}
