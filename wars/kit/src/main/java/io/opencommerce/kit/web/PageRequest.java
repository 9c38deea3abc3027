package io.opencommerce.kit.web;

import io.opencommerce.contracts.api.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * The window a list endpoint is asked for: {@code ?limit=} (1..100, 20 by default) and {@code
 * ?offset=}. Taken as {@code @BeanParam @Valid PageRequest page}; invalid values are reported under
 * their query names.
 */
public class PageRequest {
  public static final int MAX_LIMIT = 100;

  @QueryParam("limit")
  @DefaultValue("20")
  @Min(value = 1, message = "must be at least 1")
  @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT)
  int limit;

  @QueryParam("offset")
  @DefaultValue("0")
  @Min(value = 0, message = "must not be negative")
  int offset;

  public int limit() {
    return limit;
  }

  public int offset() {
    return offset;
  }

  /** The page of {@code items} found in this window, out of {@code total}. */
  public <T> Page<T> page(List<T> items, long total) {
    return new Page<>(items, total, limit, offset);
  }
}
