package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.contracts.websites.SiteTheme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sites, feeds and fakes of the registry's source and snapshot store. */
final class Feeds {
  private Feeds() {}

  static SiteChanged site(String code, long version, String... domains) {
    return new SiteChanged(
        code,
        "Shop " + code,
        List.of(domains),
        "en",
        List.of("en", "fr"),
        "EUR",
        List.of("FR", "BE"),
        "Europe/Paris",
        new SiteTheme(Map.of("primary", "#112233"), null, "support@example.com"),
        true,
        version,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  static SiteChanged inactive(String code, long version) {
    return new SiteChanged(
        code, null, null, null, null, null, null, null, null, false, version, null);
  }

  /** A source answering what it is given, or failing while {@code down}. */
  static final class FakeSource implements SiteSource {
    List<SiteChanged> feed = new ArrayList<>();
    boolean down;
    int loads;

    @Override
    public List<SiteChanged> load() throws Exception {
      loads++;
      if (down) {
        throw new java.net.ConnectException("Connection refused");
      }
      return List.copyOf(feed);
    }

    @Override
    public String toString() {
      return "the fake source";
    }
  }

  /** A snapshot store in memory; fails every call while {@code down}. */
  static final class FakeSnapshots implements SiteSnapshots {
    List<SiteChanged> saved;
    boolean down;

    @Override
    public void save(List<SiteChanged> feed) {
      if (down) {
        throw new IllegalStateException("Redis is down");
      }
      saved = List.copyOf(feed);
    }

    @Override
    public Optional<List<SiteChanged>> load() {
      if (down) {
        throw new IllegalStateException("Redis is down");
      }
      return Optional.ofNullable(saved);
    }
  }
}
