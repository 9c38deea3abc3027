package io.opencommerce.kit.sites;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sites a registry holds at one moment, by code and by domain: immutable, replaced whole, so a
 * request reads it without a lock (two map lookups).
 *
 * <p>Only a newer version of a site replaces the one held ({@link #with}): an event and a reload
 * racing each other, or events crossing, never move a site backwards. A domain belongs to the site
 * that claimed it last; a site's new version gives up the domains it no longer lists (unless
 * another site has claimed them since).
 */
final class SiteTable {
  static final SiteTable EMPTY = new SiteTable(Map.of(), Map.of());

  private final Map<String, Site> byCode;
  private final Map<String, Site> byDomain;

  private SiteTable(Map<String, Site> byCode, Map<String, Site> byDomain) {
    this.byCode = byCode;
    this.byDomain = byDomain;
  }

  Optional<Site> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The site whose domains hold {@code host} (normalised: lower case, no port). */
  Optional<Site> byDomain(String host) {
    return Optional.ofNullable(byDomain.get(host));
  }

  Collection<Site> sites() {
    return byCode.values();
  }

  int size() {
    return byCode.size();
  }

  /** This table with each of {@code sites} that is newer than the one held; itself if none is. */
  SiteTable with(Collection<Site> sites) {
    Map<String, Site> codes = null;
    Map<String, Site> domains = null;
    for (Site site : sites) {
      Site held = (codes == null ? byCode : codes).get(site.code());
      if (held != null && held.version() >= site.version()) {
        continue;
      }
      if (codes == null) {
        codes = new HashMap<>(byCode);
        domains = new HashMap<>(byDomain);
      }
      codes.put(site.code(), site);
      if (held != null) {
        for (String domain : held.domains()) {
          Site owner = domains.get(domain);
          if (owner != null && owner.code().equals(site.code())) {
            domains.remove(domain);
          }
        }
      }
      for (String domain : site.domains()) {
        domains.put(domain, site);
      }
    }
    return codes == null ? this : new SiteTable(Map.copyOf(codes), Map.copyOf(domains));
  }
}
