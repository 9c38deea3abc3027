package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import java.util.List;

/**
 * Where a {@link SiteRegistry} loads the whole list of sites from: the websites service's registry
 * feed, the latest state of every site (an inactive one as a tombstone). The kit's implementation
 * asks the websites service over HTTP ({@link HttpSiteSource}); the websites service itself
 * provides an {@code @Alternative @Priority} one that reads its own database, so it never calls
 * itself.
 */
public interface SiteSource {
  /**
   * Every site, as its latest {@link SiteChanged}.
   *
   * @throws Exception when the feed cannot be had now; the registry tries again later
   */
  List<SiteChanged> load() throws Exception;
}
