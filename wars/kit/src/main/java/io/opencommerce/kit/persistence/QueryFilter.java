package io.opencommerce.kit.persistence;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional conditions of a list query: each one given a value narrows the list, each left null
 * does not. The same filter serves the page query and its count.
 *
 * <pre>
 * QueryFilter filter = new QueryFilter()
 *     .and("o.site = :site", "site", site)
 *     .and("o.status = :status", "status", status);   // skipped when status is null
 * em.createQuery("SELECT o FROM CustomerOrder o" + filter.where(), CustomerOrder.class)
 * </pre>
 */
public final class QueryFilter {
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /** Adds {@code condition}, with {@code value} bound to {@code :parameter}, unless it is null. */
  public QueryFilter and(String condition, String parameter, Object value) {
    if (value != null) {
      conditions.add(condition);
      parameters.put(parameter, value);
    }
    return this;
  }

  /** {@code " WHERE a AND b"}, or nothing without conditions. */
  public String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the parameters of the conditions that were added. */
  public <T> TypedQuery<T> bind(TypedQuery<T> query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
