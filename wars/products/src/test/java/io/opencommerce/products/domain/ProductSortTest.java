package io.opencommerce.products.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductSortTest {
  @Test
  void parsesTheNamesTheApiAccepts() {
    assertThat(ProductSort.parse("-price")).contains(ProductSort.PRICE_DESC);
    assertThat(ProductSort.parse("newest")).contains(ProductSort.NEWEST);
  }

  @Test
  void unknownNamesAndInjectionAttemptsAreNoSort() {
    assertThat(ProductSort.parse("price; DROP TABLE products")).isEmpty();
    assertThat(ProductSort.parse(null)).isEmpty();
  }

  @Test
  void everyOrderEndsOnTheIdSoPagesNeverOverlap() {
    for (ProductSort sort : ProductSort.values()) {
      assertThat(sort.orderBy()).endsWith("p.id ASC");
    }
  }
}
