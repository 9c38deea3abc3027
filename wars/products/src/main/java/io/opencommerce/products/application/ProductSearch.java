package io.opencommerce.products.application;

import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.products.domain.Product;
import io.opencommerce.products.domain.ProductSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lists the request's site's catalog: filtered by category, price range, availability and full-text
 * search over name and description (the FULLTEXT index), sorted by a fixed set of orders, one page
 * at a time with the total. Only values are bound; the SQL text comes from constants.
 */
@ApplicationScoped
public class ProductSearch {
  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;

  /** What a list request asks for. */
  public record Criteria(
      String text,
      String categorySlug,
      BigDecimal minPrice,
      BigDecimal maxPrice,
      boolean inStockOnly,
      boolean includeRetired,
      ProductSort sort) {}

  /** One page and the total across pages. */
  public record Result(List<Product> products, long total) {}

  public Result search(Criteria criteria, int limit, int offset) {
    List<Object> parameters = new ArrayList<>();
    String where = where(criteria, parameters);
    long total =
        ((Number)
                bind(em.createNativeQuery("SELECT COUNT(*)" + where), parameters).getSingleResult())
            .longValue();
    if (total == 0 || offset >= total) {
      return new Result(List.of(), total);
    }
    @SuppressWarnings("unchecked")
    List<Object> ids =
        bind(
                em.createNativeQuery(
                    "SELECT p.id"
                        + where
                        + " ORDER BY "
                        + criteria.sort().orderBy()
                        + " LIMIT ? OFFSET ?"),
                parameters)
            .setParameter(parameters.size() + 1, limit)
            .setParameter(parameters.size() + 2, offset)
            .getResultList();
    List<String> order = ids.stream().map(Object::toString).toList();
    Map<String, Product> loaded =
        em
            .createQuery(
                "SELECT p FROM Product p LEFT JOIN FETCH p.category WHERE p.id IN :ids",
                Product.class)
            .setParameter("ids", order)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
    List<Product> page =
        order.stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
    return new Result(page, total);
  }

  private String where(Criteria criteria, List<Object> parameters) {
    StringBuilder sql = new StringBuilder(" FROM products p");
    if (criteria.categorySlug() != null) {
      sql.append(" JOIN categories c ON c.id = p.category_id AND c.slug = ?");
      parameters.add(criteria.categorySlug());
    }
    if (criteria.inStockOnly()) {
      sql.append(" JOIN stock_levels s ON s.product_id = p.id AND s.on_hand - s.reserved > 0");
    }
    sql.append(" WHERE p.site = ?");
    parameters.add(request.site());
    if (!criteria.includeRetired()) {
      sql.append(" AND p.active = TRUE");
    }
    if (criteria.minPrice() != null) {
      sql.append(" AND p.price_amount >= ?");
      parameters.add(criteria.minPrice());
    }
    if (criteria.maxPrice() != null) {
      sql.append(" AND p.price_amount <= ?");
      parameters.add(criteria.maxPrice());
    }
    if (criteria.text() != null) {
      sql.append(" AND MATCH (p.name, p.description) AGAINST (? IN NATURAL LANGUAGE MODE)");
      parameters.add(criteria.text());
    }
    return sql.toString();
  }

  private static Query bind(Query query, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query;
  }
}
