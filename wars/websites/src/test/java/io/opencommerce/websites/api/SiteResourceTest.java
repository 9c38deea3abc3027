package io.opencommerce.websites.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteResourceTest {
  @Test
  void ifMatchNamesAVersionOfThisSiteOrNone() {
    assertThat(SiteResource.expectedVersion("shop", null)).isNull();
    assertThat(SiteResource.expectedVersion("shop", " ")).isNull();
    assertThat(SiteResource.expectedVersion("shop", "*")).isNull();
    assertThat(SiteResource.expectedVersion("shop", "\"shop-3\"")).isEqualTo(3L);
    assertThat(SiteResource.expectedVersion("shop", "W/\"shop-12\"")).isEqualTo(12L);
  }

  @Test
  void anyOtherTagMatchesNoVersion() {
    assertThat(SiteResource.expectedVersion("shop", "\"outlet-3\"")).isEqualTo(-1L);
    assertThat(SiteResource.expectedVersion("shop", "\"shop-x-3\"")).isEqualTo(-1L);
    assertThat(SiteResource.expectedVersion("shop", "\"shop-\"")).isEqualTo(-1L);
    assertThat(SiteResource.expectedVersion("shop", "\"shop-99999999999999999999\""))
        .isEqualTo(-1L);
    assertThat(SiteResource.expectedVersion("shop", "garbage")).isEqualTo(-1L);
  }
}
