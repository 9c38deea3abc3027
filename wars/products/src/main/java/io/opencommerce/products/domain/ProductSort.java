package io.opencommerce.products.domain;

import java.util.Arrays;
import java.util.Optional;

/** The orders a product list can be sorted in; each ends on the id, so pages never overlap. */
public enum ProductSort {
  NAME("name", "p.name ASC, p.id ASC"),
  NAME_DESC("-name", "p.name DESC, p.id ASC"),
  PRICE("price", "p.price_amount ASC, p.id ASC"),
  PRICE_DESC("-price", "p.price_amount DESC, p.id ASC"),
  NEWEST("newest", "p.created_at DESC, p.id ASC");

  private final String parameter;
  private final String orderBy;

  ProductSort(String parameter, String orderBy) {
    this.parameter = parameter;
    this.orderBy = orderBy;
  }

  /** The sort a query parameter names; empty for an unknown name. */
  public static Optional<ProductSort> parse(String parameter) {
    return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
  }

  public String parameter() {
    return parameter;
  }

  /** The SQL ORDER BY clause: a fixed string, never built from input. */
  public String orderBy() {
    return orderBy;
  }
}
