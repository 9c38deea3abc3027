package io.opencommerce.kit.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.kit.sites.Feeds.FakeSnapshots;
import io.opencommerce.kit.sites.Feeds.FakeSource;
import io.opencommerce.kit.sites.SiteRefused.Reason;
import io.opencommerce.kit.web.TrustedProxies;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteResolverTest {
  private static final String EDGE = "10.0.0.5";
  private static final String STRANGER = "203.0.113.9";

  private final FakeSource source = new FakeSource();
  private final SiteRegistry registry =
      new SiteRegistry(source, new FakeSnapshots(), "default", Clock.systemUTC());
  private final SiteResolver resolver =
      new SiteResolver(registry, TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, ::1"));

  @BeforeEach
  void load() {
    source.feed =
        List.of(
            Feeds.site("default", 1),
            Feeds.site("shop", 2, "shop.example.com", "www.shop.example.com"),
            Feeds.site("outlet", 1, "outlet.example.com"),
            Feeds.inactive("closed", 4));
    registry.refresh();
  }

  private String resolve(String peer, String site, String forwardedHost, String host) {
    return resolver.resolve(peer, site, forwardedHost, host).code();
  }

  private static void refused(Runnable call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(SiteRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void xSiteFromATrustedPeerComesFirst() {
    assertThat(resolve(EDGE, "outlet", "shop.example.com", "shop.example.com")).isEqualTo("outlet");
    assertThat(resolve("127.0.0.1", "outlet", null, "localhost:9080")).isEqualTo("outlet");
    assertThat(resolve("::1", "outlet", null, null)).isEqualTo("outlet");
  }

  @Test
  void xSiteFromAnyOtherPeerIsIgnored() {
    assertThat(resolve(STRANGER, "outlet", null, "shop.example.com")).isEqualTo("shop");
    assertThat(resolve(STRANGER, "outlet", null, "localhost")).isEqualTo("default");
    assertThat(resolve(null, "outlet", null, null)).as("no peer is trusted").isEqualTo("default");
    assertThat(resolve(STRANGER, "closed", null, null))
        .as("nor does it refuse anything")
        .isEqualTo("default");
  }

  @Test
  void aMalformedXSiteIsRefusedFromAnyPeer() {
    refused(() -> resolve(EDGE, "Not A Site!", null, null), Reason.INVALID_SITE);
    refused(() -> resolve(STRANGER, "SHOP", null, null), Reason.INVALID_SITE);
    refused(() -> resolve(STRANGER, "shop,outlet", null, null), Reason.INVALID_SITE);
  }

  @Test
  void anUnknownOrInactiveCodeIsNotFound() {
    refused(() -> resolve(EDGE, "nowhere", null, "shop.example.com"), Reason.UNKNOWN_SITE);
    refused(() -> resolve(EDGE, "closed", null, null), Reason.UNKNOWN_SITE);
  }

  @Test
  void elseTheHostNamesTheSite() {
    assertThat(resolve(STRANGER, null, null, "shop.example.com")).isEqualTo("shop");
    assertThat(resolve(STRANGER, null, null, "WWW.Shop.Example.com:8443")).isEqualTo("shop");
    assertThat(resolve(STRANGER, null, null, "shop.example.com.")).isEqualTo("shop");
  }

  @Test
  void xForwardedHostCountsFromATrustedPeerOnly() {
    assertThat(resolve(EDGE, null, "outlet.example.com", "internal:9080")).isEqualTo("outlet");
    assertThat(resolve(EDGE, null, "outlet.example.com:443, proxy.local", "internal"))
        .as("its first value")
        .isEqualTo("outlet");
    assertThat(resolve(STRANGER, null, "outlet.example.com", "shop.example.com")).isEqualTo("shop");
  }

  @Test
  void aHostNoSiteAnswersOnIsTheDefaultSite() {
    assertThat(resolve(STRANGER, null, null, "localhost:9080")).isEqualTo("default");
    assertThat(resolve(STRANGER, null, null, "[::1]:9080")).isEqualTo("default");
    assertThat(resolve(STRANGER, null, null, null)).isEqualTo("default");
    assertThat(resolve(STRANGER, null, null, "")).isEqualTo("default");
  }

  @Test
  void theHostOfADeactivatedSiteIsNotFoundRatherThanServedAsTheDefaultSite() {
    registry.apply(Feeds.site("outlet", 2, "outlet.example.com"));
    assertThat(resolve(STRANGER, null, null, "outlet.example.com")).isEqualTo("outlet");
    SiteChanged full = Feeds.site("outlet", 3, "outlet.example.com");
    registry.apply(
        new SiteChanged(
            "outlet", null, full.domains(), null, null, null, null, null, null, false, 3, null));
    refused(() -> resolve(STRANGER, null, null, "outlet.example.com"), Reason.UNKNOWN_SITE);
    refused(() -> resolve(EDGE, "outlet", null, null), Reason.UNKNOWN_SITE);
  }

  @Test
  void withoutTheDefaultSiteARequestNamingNoneIsNotFound() {
    SiteRegistry other = new SiteRegistry(source, new FakeSnapshots(), "main", Clock.systemUTC());
    other.refresh();
    SiteResolver resolving = new SiteResolver(other, TrustedProxies.NONE);
    refused(() -> resolving.resolve(STRANGER, null, null, "localhost"), Reason.UNKNOWN_SITE);
    assertThat(resolving.resolve(STRANGER, null, null, "shop.example.com").code())
        .isEqualTo("shop");
  }

  @Test
  void untilTheRegistryHasLoadedEveryRequestWaits() {
    SiteRegistry empty =
        new SiteRegistry(new FakeSource(), new FakeSnapshots(), "default", Clock.systemUTC());
    SiteResolver waiting = new SiteResolver(empty, TrustedProxies.parse("10.0.0.0/8"));
    refused(() -> waiting.resolve(EDGE, "shop", null, null), Reason.SITES_UNAVAILABLE);
    refused(
        () -> waiting.resolve(STRANGER, null, null, "shop.example.com"), Reason.SITES_UNAVAILABLE);
    refused(() -> waiting.resolve(EDGE, "Bad!", null, null), Reason.INVALID_SITE);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "shop.example.com, shop.example.com",
        "Shop.Example.COM:8080, shop.example.com",
        "' shop.example.com ', shop.example.com",
        "shop.example.com., shop.example.com",
        "[2001:db8::1]:443, [2001:db8::1]",
        "[::1, null",
        "'', null",
        ":80, null",
        "null, null"
      })
  void hostNames(String header, String expected) {
    assertThat(SiteResolver.hostName(header)).isEqualTo(expected);
  }
}
