package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import java.util.List;
import java.util.Optional;

/**
 * The last feed a registry loaded, kept where every replica of every service finds it (Redis: the
 * key {@value RedisSiteSnapshots#KEY}), so that a service starting while the websites service is
 * away still knows the sites. A copy, never the truth: the registry replaces it with the feed as
 * soon as the websites service answers.
 */
public interface SiteSnapshots {
  /** Keeps {@code feed} as the latest snapshot. */
  void save(List<SiteChanged> feed);

  /** The latest snapshot, if there is one. */
  Optional<List<SiteChanged>> load();
}
