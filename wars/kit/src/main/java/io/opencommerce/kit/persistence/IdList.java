package io.opencommerce.kit.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A native query over a list of ids: {@code {ids}} in the SQL becomes one placeholder per id, bound
 * after the leading parameters. Ids are stored as 36-character strings everywhere.
 *
 * <pre>
 * IdList.query(em, "SELECT … FROM stock_levels WHERE product_id IN ({ids})", ids).getResultList()
 * IdList.query(em, "SELECT … WHERE site = ? AND product_id IN ({ids})", ids, site)
 * </pre>
 */
public final class IdList {
  static final String MARKER = "{ids}";

  private IdList() {}

  /** The query, with {@code leading} bound first (positions 1…) and then the ids. */
  public static Query query(EntityManager em, String sql, Collection<UUID> ids, Object... leading) {
    Query query = em.createNativeQuery(expand(sql, ids.size()));
    int position = 1;
    for (Object value : leading) {
      query.setParameter(position++, value);
    }
    for (UUID id : ids) {
      query.setParameter(position++, id.toString());
    }
    return query;
  }

  /** The SQL with its marker replaced by {@code count} placeholders; refuses an empty list. */
  static String expand(String sql, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an id list needs at least one id");
    }
    if (!sql.contains(MARKER)) {
      throw new IllegalArgumentException("the SQL has no " + MARKER + " marker: " + sql);
    }
    return sql.replace(MARKER, String.join(",", Collections.nCopies(count, "?")));
  }

  /** The rows of a native query, each as its columns. */
  @SuppressWarnings("unchecked")
  public static List<Object[]> rows(Query query) {
    return ((List<Object>) query.getResultList())
        .stream()
            .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
            .toList();
  }
}
