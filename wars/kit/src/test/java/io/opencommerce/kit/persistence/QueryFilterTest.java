package io.opencommerce.kit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryFilterTest {
  @Test
  void onlyConditionsWithAValueNarrowTheQuery() {
    QueryFilter filter =
        new QueryFilter()
            .and("o.site = :site", "site", "default")
            .and("o.status = :status", "status", null)
            .and("o.customerId = :customer", "customer", "c-1");
    assertThat(filter.where()).isEqualTo(" WHERE o.site = :site AND o.customerId = :customer");
  }

  @Test
  void noConditionNoWhere() {
    assertThat(new QueryFilter().and("e.type = :type", "type", null).where()).isEmpty();
  }
}
