package io.opencommerce.questions.application;

import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.questions.domain.Entry;
import io.opencommerce.questions.domain.SearchTerms;
import io.opencommerce.questions.domain.Snippets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searches the request's site's published entries of one language (and optionally one category),
 * best first, one page at a time with the total, each found entry with a highlighted snippet.
 *
 * <p>Relevance is InnoDB's full-text relevance in natural-language mode, over two indexes: a match
 * in the question counts twice as much as one in the answer's text ({@code 2 × MATCH(question) +
 * MATCH(answer_text)}), then the category's order breaks ties. A query InnoDB cannot search (only
 * words shorter than three characters or stop words, see {@link SearchTerms}) is matched as a
 * substring of the question (first) or the answer instead, so "EU" still finds "EU customs". Every
 * value, the query included, is bound as a parameter; natural-language mode gives its text no
 * operators, so no query can change what the statement does.
 */
@ApplicationScoped
public class FaqSearch {
  /** How long a snippet is, about, in characters. */
  static final int SNIPPET = 200;

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;

  /** One found entry: the entry, its snippet (HTML) and its relevance. */
  public record Hit(Entry entry, String snippet, double score) {}

  public record Result(List<Hit> hits, long total) {}

  public Result search(String query, String language, String category, int limit, int offset) {
    SearchTerms terms = SearchTerms.of(query);
    if (terms.words().isEmpty()) {
      return new Result(List.of(), 0); // nothing to look for: no letter or digit in the query
    }
    List<Object> where = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(" FROM entries WHERE site = ? AND language = ? AND published = TRUE");
    where.add(request.site());
    where.add(language);
    if (category != null) {
      sql.append(" AND category = ?");
      where.add(category);
    }
    List<Object> score = new ArrayList<>();
    String scoreSql;
    if (terms.fullText()) {
      sql.append(
          " AND (MATCH (question) AGAINST (? IN NATURAL LANGUAGE MODE)"
              + " OR MATCH (answer_text) AGAINST (? IN NATURAL LANGUAGE MODE))");
      where.add(terms.query());
      where.add(terms.query());
      scoreSql =
          "2 * MATCH (question) AGAINST (? IN NATURAL LANGUAGE MODE)"
              + " + MATCH (answer_text) AGAINST (? IN NATURAL LANGUAGE MODE)";
      score.add(terms.query());
      score.add(terms.query());
    } else {
      String pattern = "%" + escapeLike(terms.query()) + "%";
      sql.append(" AND (question LIKE ? ESCAPE '!' OR answer_text LIKE ? ESCAPE '!')");
      where.add(pattern);
      where.add(pattern);
      scoreSql =
          "CASE WHEN question LIKE ? ESCAPE '!' THEN 2 ELSE 0 END"
              + " + CASE WHEN answer_text LIKE ? ESCAPE '!' THEN 1 ELSE 0 END";
      score.add(pattern);
      score.add(pattern);
    }
    long total =
        ((Number) bind(em.createNativeQuery("SELECT COUNT(*)" + sql), where).getSingleResult())
            .longValue();
    if (total == 0 || offset >= total) {
      return new Result(List.of(), total);
    }
    List<Object> parameters = new ArrayList<>(score);
    parameters.addAll(where);
    parameters.add(limit);
    parameters.add(offset);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT id, "
                        + scoreSql
                        + " AS relevance"
                        + sql
                        + " ORDER BY relevance DESC, category, position, id LIMIT ? OFFSET ?"),
                parameters)
            .getResultList();
    List<String> ids = rows.stream().map(row -> row[0].toString()).toList();
    Map<String, Entry> loaded =
        em
            .createQuery("SELECT e FROM Entry e WHERE e.id IN :ids", Entry.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(e -> e.id().toString(), Function.identity()));
    List<Hit> hits = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Entry entry = loaded.get(row[0].toString());
      if (entry != null) {
        hits.add(new Hit(entry, snippet(entry, terms), ((Number) row[1]).doubleValue()));
      }
    }
    return new Result(hits, total);
  }

  /** The answer around the words, else the question around them, else the answer's beginning. */
  static String snippet(Entry entry, SearchTerms terms) {
    String snippet = Snippets.highlight(entry.answerText(), terms.words(), SNIPPET);
    if (snippet == null) {
      snippet = Snippets.highlight(entry.question(), terms.words(), SNIPPET);
    }
    return Objects.requireNonNullElseGet(snippet, () -> Snippets.lead(entry.answerText(), SNIPPET));
  }

  /** {@code text} for a LIKE pattern with {@code ESCAPE '!'}: its wildcards match themselves. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Query bind(Query query, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query;
  }
}
