package io.opencommerce.contracts.api;

import java.util.List;

/** One page of a list endpoint: the items, the total across all pages and the window asked for. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
  public Page {
    items = List.copyOf(items);
  }
}
