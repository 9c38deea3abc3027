package io.opencommerce.products.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.products.application.ProductCache.Entry;
import io.opencommerce.products.application.ProductSearch.Criteria;
import io.opencommerce.products.domain.ProductSort;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProductListCacheTest {
  private static Criteria criteria(String text, String category, String min, String max) {
    return new Criteria(
        text,
        category,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        false,
        false,
        ProductSort.PRICE);
  }

  @Test
  void theCanonicalFormSortsParametersByNameAndLeavesAbsentOnesOut() {
    assertThat(ProductListCache.canonical(criteria("green tea", "tea", "5", "40.5"), 20, 40))
        .isEqualTo(
            "category=tea&limit=20&maxPrice=40.5&minPrice=5&offset=40&q=green+tea&sort=price");
    assertThat(ProductListCache.canonical(criteria(null, null, null, null), 20, 0))
        .isEqualTo("limit=20&offset=0&sort=price");
  }

  @Test
  void pricesThatAskForTheSameProductsShareAKey() {
    String key = ProductListCache.key("default", criteria(null, "tea", "10", "40"), 20, 0);
    assertThat(ProductListCache.key("default", criteria(null, "tea", "10.00", "4E+1"), 20, 0))
        .isEqualTo(key);
    assertThat(ProductListCache.key("default", criteria(null, "tea", "10.01", "40"), 20, 0))
        .isNotEqualTo(key);
  }

  @Test
  void everyParameterAndTheSiteMakeADifferentKey() {
    Criteria tea = criteria("sencha", "tea", "1", "9");
    String key = ProductListCache.key("default", tea, 20, 0);
    assertThat(key).matches("oc:products:list:default:[0-9a-f]{64}");
    assertThat(ProductListCache.key("default", criteria("sencha", "tea", "1", "9"), 20, 0))
        .isEqualTo(key);
    assertThat(ProductListCache.key("shop-b", tea, 20, 0))
        .startsWith("oc:products:list:shop-b:")
        .isNotEqualTo(key);
    assertThat(ProductListCache.key("default", tea, 10, 0)).isNotEqualTo(key);
    assertThat(ProductListCache.key("default", tea, 20, 20)).isNotEqualTo(key);
    assertThat(ProductListCache.key("default", criteria("matcha", "tea", "1", "9"), 20, 0))
        .isNotEqualTo(key);
    assertThat(ProductListCache.key("default", criteria("sencha", "teas", "1", "9"), 20, 0))
        .isNotEqualTo(key);
    assertThat(
            ProductListCache.key(
                "default",
                new Criteria(
                    "sencha",
                    "tea",
                    BigDecimal.ONE,
                    BigDecimal.valueOf(9),
                    false,
                    false,
                    ProductSort.NEWEST),
                20,
                0))
        .isNotEqualTo(key);
    assertThat(
            ProductListCache.key(
                "default",
                new Criteria(
                    "sencha",
                    "tea",
                    BigDecimal.ONE,
                    BigDecimal.valueOf(9),
                    true,
                    true,
                    ProductSort.PRICE),
                20,
                0))
        .isNotEqualTo(key);
  }

  @Test
  void aSearchTextCannotPassForOtherParameters() {
    assertThat(ProductListCache.canonical(criteria("mug&category=tea", null, null, null), 20, 0))
        .isNotEqualTo(ProductListCache.canonical(criteria("mug", "tea", null, null), 20, 0))
        .contains("q=mug%26category%3Dtea");
  }

  @Test
  void stockAndRetiredFiltersAreNeverCached() {
    ProductListCache cache = new ProductListCache();
    cache.ttlSeconds = 300;
    assertThat(cache.caches(criteria("mug", "tea", "1", "9"))).isTrue();
    assertThat(cache.caches(new Criteria(null, null, null, null, true, false, ProductSort.NAME)))
        .isFalse();
    assertThat(cache.caches(new Criteria(null, null, null, null, false, true, ProductSort.NAME)))
        .isFalse();
    cache.ttlSeconds = 0;
    assertThat(cache.caches(criteria("mug", "tea", "1", "9"))).as("PT0S: off").isFalse();
  }

  @Test
  void aPageIsServedOnlyAtTheVersionItWasBuiltAt() {
    byte[] body =
        "{\"items\":[],\"total\":0,\"limit\":20,\"offset\":0}".getBytes(StandardCharsets.UTF_8);
    Entry page = ProductListCache.entry(body);
    byte[] stored = ProductListCache.encode(bytes("12"), page);

    Entry hit = ProductListCache.decode(stored, bytes("12"));
    assertThat(hit).isNotNull();
    assertThat(hit.etag()).isEqualTo(page.etag());
    assertThat(hit.json()).isEqualTo(body);
    assertThat(ProductListCache.decode(stored, bytes("13"))).isNull();
    assertThat(ProductListCache.decode(stored, bytes("1"))).isNull();
    assertThat(ProductListCache.decode(stored, bytes("123"))).isNull();
    assertThat(ProductListCache.decode(null, bytes("12"))).isNull();
    assertThat(ProductListCache.decode(bytes("12\nno-etag-line"), bytes("12"))).isNull();
  }

  @Test
  void theEntityTagFollowsTheBody() {
    Entry page = ProductListCache.entry(bytes("{\"total\":1}"));
    assertThat(page.etag()).matches("[0-9a-f]{32}");
    assertThat(ProductListCache.entry(bytes("{\"total\":1}")).etag()).isEqualTo(page.etag());
    assertThat(ProductListCache.entry(bytes("{\"total\":2}")).etag()).isNotEqualTo(page.etag());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
