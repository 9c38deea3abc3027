package io.opencommerce.kit.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.sites.Feeds.FakeSnapshots;
import io.opencommerce.kit.sites.Feeds.FakeSource;
import io.opencommerce.kit.sites.SiteRefused.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteRegistryTest {
  private final FakeSource source = new FakeSource();
  private final FakeSnapshots snapshots = new FakeSnapshots();
  private final SiteRegistry registry =
      new SiteRegistry(
          source,
          snapshots,
          "default",
          Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void untilLoadedNothingResolves() {
    assertThat(registry.isLoaded()).isFalse();
    assertThat(registry.origin()).isEqualTo(SiteRegistry.Origin.NONE);
    assertThat(registry.byCode("default")).isEmpty();
    assertThatThrownBy(registry::defaultSite)
        .isInstanceOfSatisfying(
            SiteRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.SITES_UNAVAILABLE));
  }

  @Test
  void loadsTheFeedAndKeepsItAsTheSnapshot() {
    source.feed = List.of(Feeds.site("default", 1), Feeds.site("shop", 2, "shop.example.com"));
    assertThat(registry.refresh()).isTrue();
    assertThat(registry.isLoaded()).isTrue();
    assertThat(registry.origin()).isEqualTo(SiteRegistry.Origin.SOURCE);
    assertThat(registry.loadedAt()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    assertThat(registry.defaultSite().code()).isEqualTo("default");
    assertThat(registry.byDomain("shop.example.com")).map(Site::code).contains("shop");
    assertThat(registry.sites()).hasSize(2);
    assertThat(snapshots.saved).isEqualTo(source.feed);
  }

  @Test
  void onlyANewerVersionReplacesTheHeldSite() {
    source.feed = List.of(Feeds.site("shop", 2, "shop.example.com"));
    registry.refresh();
    assertThat(registry.apply(Feeds.site("shop", 2, "same.example.com"))).isFalse();
    assertThat(registry.apply(Feeds.site("shop", 1, "old.example.com"))).isFalse();
    assertThat(registry.require("shop").domains()).containsExactly("shop.example.com");
    assertThat(registry.apply(Feeds.site("shop", 3, "new.example.com"))).isTrue();
    assertThat(registry.require("shop").version()).isEqualTo(3);
    assertThat(registry.byDomain("new.example.com")).map(Site::version).contains(3L);
    assertThat(registry.byDomain("shop.example.com")).as("given up by version 3").isEmpty();
  }

  @Test
  void aReloadRacingAnEventNeverGoesBackwards() {
    source.feed = List.of(Feeds.site("shop", 4));
    registry.refresh();
    registry.apply(Feeds.site("shop", 5));
    // The feed was read before the change the event carried.
    registry.refresh();
    assertThat(registry.require("shop").version()).isEqualTo(5);
    source.feed = List.of(Feeds.site("shop", 6));
    registry.refresh();
    assertThat(registry.require("shop").version()).isEqualTo(6);
  }

  @Test
  void anEventBeforeTheFirstLoadIsKeptButDoesNotMakeTheRegistryLoaded() {
    registry.apply(Feeds.site("shop", 9));
    assertThat(registry.isLoaded()).isFalse();
    source.feed = List.of(Feeds.site("shop", 8), Feeds.site("default", 1));
    registry.refresh();
    assertThat(registry.require("shop").version()).isEqualTo(9);
  }

  @Test
  void anInactiveSiteIsHeldAndRefusedNotForgotten() {
    source.feed = List.of(Feeds.site("shop", 1, "shop.example.com"));
    registry.refresh();
    assertThat(registry.apply(Feeds.inactive("shop", 2))).isTrue();
    assertThat(registry.byCode("shop")).map(Site::active).contains(false);
    assertThat(registry.byDomain("shop.example.com")).isEmpty();
    assertThatThrownBy(() -> registry.require("shop"))
        .isInstanceOfSatisfying(
            SiteRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SITE));
    // A reload still holding the active version 1 does not bring it back.
    registry.refresh();
    assertThat(registry.byCode("shop")).map(Site::active).contains(false);
  }

  @Test
  void aDomainMovedToAnotherSiteBelongsToIt() {
    source.feed = List.of(Feeds.site("a", 1, "shop.example.com"), Feeds.site("b", 1));
    registry.refresh();
    // The new owner's event arrives before the old owner's.
    registry.apply(Feeds.site("b", 2, "shop.example.com"));
    assertThat(registry.byDomain("shop.example.com")).map(Site::code).contains("b");
    registry.apply(Feeds.site("a", 2));
    assertThat(registry.byDomain("shop.example.com")).map(Site::code).contains("b");
  }

  @Test
  void whenTheSourceIsDownAtStartTheSnapshotServesUntilItAnswers() {
    snapshots.saved = List.of(Feeds.site("default", 1), Feeds.site("shop", 3));
    source.down = true;
    assertThat(registry.refresh()).isFalse();
    assertThat(registry.isLoaded()).isTrue();
    assertThat(registry.origin()).isEqualTo(SiteRegistry.Origin.SNAPSHOT);
    assertThat(registry.require("shop").version()).isEqualTo(3);

    source.down = false;
    source.feed = List.of(Feeds.site("default", 1), Feeds.site("shop", 4));
    assertThat(registry.refresh()).isTrue();
    assertThat(registry.origin()).isEqualTo(SiteRegistry.Origin.SOURCE);
    assertThat(registry.require("shop").version()).isEqualTo(4);
  }

  @Test
  void withNeitherSourceNorSnapshotNothingIsLoaded() {
    source.down = true;
    assertThat(registry.refresh()).isFalse();
    assertThat(registry.isLoaded()).isFalse();
    snapshots.down = true;
    assertThat(registry.refresh()).isFalse();
    assertThat(registry.isLoaded()).isFalse();
  }

  @Test
  void onceLoadedAnOutageOfTheSourceKeepsTheSitesAndIgnoresTheSnapshot() {
    source.feed = List.of(Feeds.site("shop", 5));
    registry.refresh();
    snapshots.saved = List.of(Feeds.site("shop", 2), Feeds.site("stale", 1));
    source.down = true;
    assertThat(registry.refresh()).isFalse();
    assertThat(registry.origin()).isEqualTo(SiteRegistry.Origin.SOURCE);
    assertThat(registry.require("shop").version()).isEqualTo(5);
    assertThat(registry.byCode("stale")).isEmpty();
  }

  @Test
  void aSnapshotThatCannotBeWrittenDoesNotFailTheLoad() {
    snapshots.down = true;
    source.feed = List.of(Feeds.site("default", 1));
    assertThat(registry.refresh()).isTrue();
    assertThat(registry.defaultSite().code()).isEqualTo("default");
  }
}
