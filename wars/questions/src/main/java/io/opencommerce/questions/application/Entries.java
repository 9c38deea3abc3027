package io.opencommerce.questions.application;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.sites.Site;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.questions.application.FaqCache.Changed;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.questions.client.ReorderRequest;
import io.opencommerce.questions.domain.Entry;
import io.opencommerce.questions.domain.Markdown;
import io.opencommerce.questions.domain.Ordering;
import io.opencommerce.questions.domain.Ordering.InvalidOrderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The FAQ entries of the request's site: administrators write, publish, order and delete them;
 * everyone reads the published ones. Every committed change moves the cached reads of its site and
 * language, and of the entry, to a new version ({@link FaqCache}).
 */
@ApplicationScoped
@Transactional
public class Entries {
  private static final Logger LOG = Logger.getLogger(Entries.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;
  @Inject FaqCache cache;

  /** What a list of entries is narrowed to; null members do not narrow it. */
  public record Filter(
      String language, String category, UUID product, String tag, Boolean published) {}

  /** The orders of the ranking lists. */
  public enum Ranking {
    /** Most "helpful" votes first (entries without one are left out). */
    MOST_HELPFUL("e.helpful > 0", "e.helpful DESC, e.notHelpful, e.id"),
    /** Most read first (entries never read are left out). */
    MOST_VIEWED("e.views > 0", "e.views DESC, e.id");

    private final String condition;
    private final String orderBy;

    Ranking(String condition, String orderBy) {
      this.condition = condition;
      this.orderBy = orderBy;
    }
  }

  /** Writes a new entry of the site: last of its category unless a position is given. */
  public Entry create(EntryRequest body) {
    String site = request.site();
    Instant now = Instant.now();
    Entry entry = new Entry(site, now);
    write(entry, body, now);
    entry.place(
        body.position() != null
            ? body.position()
            : nextPosition(site, body.language(), body.category()));
    if (Boolean.TRUE.equals(body.published())) {
      entry.publish(true, now);
    }
    em.persist(entry);
    cache.changed(site, entry.language(), entry.id());
    LOG.info(
        () ->
            "FAQ entry "
                + entry.id()
                + " written on site "
                + site
                + " ("
                + entry.language()
                + ", "
                + entry.category()
                + (entry.isPublished() ? ", published)" : ", draft)"));
    return entry;
  }

  /**
   * Replaces an entry's content; moved to another category or language without a position, it comes
   * last there. {@code published}, when given, publishes it or takes it back to a draft.
   */
  public Entry replace(UUID id, EntryRequest body) {
    Entry entry = get(id, true);
    String language = entry.language();
    boolean moved =
        !entry.category().equals(body.category()) || !entry.language().equals(body.language());
    Instant now = Instant.now();
    write(entry, body, now);
    if (body.position() != null) {
      entry.place(body.position());
    } else if (moved) {
      entry.place(nextPosition(entry.site(), body.language(), body.category()));
    }
    if (body.published() != null) {
      entry.publish(body.published(), now);
    }
    cache.changed(
        List.of(
            new Changed(entry.site(), language, entry.id()),
            new Changed(entry.site(), entry.language(), entry.id())));
    LOG.info(() -> "FAQ entry " + id + " rewritten on site " + entry.site());
    return entry;
  }

  /** Publishes an entry, or takes it back to a draft (then nobody but administrators sees it). */
  public Entry publish(UUID id, boolean published) {
    Entry entry = get(id, true);
    if (entry.isPublished() != published) {
      entry.publish(published, Instant.now());
      cache.changed(entry.site(), entry.language(), entry.id());
      LOG.info(
          () ->
              "FAQ entry "
                  + id
                  + (published ? " published" : " unpublished")
                  + " on "
                  + entry.site());
    }
    return entry;
  }

  /** Deletes an entry with its votes. */
  public void delete(UUID id) {
    Entry entry = get(id, true);
    em.remove(entry);
    cache.changed(entry.site(), entry.language(), entry.id());
    LOG.info(() -> "FAQ entry " + id + " deleted from site " + entry.site());
  }

  /**
   * Puts one category's entries (of one language) in the order given, those left out after them in
   * the order they had; positions become 0, 1, 2… The category's entries are locked meanwhile, so
   * two reorders are applied one after the other. 400 naming {@code body.ids[i]} for an id that is
   * not the category's, or named twice.
   */
  public List<Entry> reorder(ReorderRequest body) {
    String site = request.site();
    List<Entry> current =
        em.createQuery(
                "SELECT e FROM Entry e WHERE e.site = :site AND e.language = :language"
                    + " AND e.category = :category"
                    + " ORDER BY e.categoryPosition, e.createdAt, e.id",
                Entry.class)
            .setParameter("site", site)
            .setParameter("language", body.language())
            .setParameter("category", body.category())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    Map<UUID, Entry> byId = new HashMap<>();
    current.forEach(e -> byId.put(e.id(), e));
    List<UUID> order;
    try {
      order = Ordering.reorder(current.stream().map(Entry::id).toList(), body.ids());
    } catch (InvalidOrderException e) {
      throw ProblemException.invalidBody(
          "ids[" + e.index() + "]", "The id " + e.getMessage() + ".");
    }
    Instant now = Instant.now();
    List<Entry> ordered = new ArrayList<>(order.size());
    List<Changed> changed = new ArrayList<>();
    for (int position = 0; position < order.size(); position++) {
      Entry entry = byId.get(order.get(position));
      if (entry.position() != position) {
        entry.place(position);
        entry.touch(now);
        changed.add(new Changed(site, entry.language(), entry.id()));
      }
      ordered.add(entry);
    }
    cache.changed(changed);
    LOG.info(
        () ->
            "FAQ category "
                + body.category()
                + " ("
                + body.language()
                + ") of site "
                + site
                + " reordered: "
                + changed.size()
                + " entries moved");
    return ordered;
  }

  /** An entry of the site: a draft only for administrators ({@code drafts}); 404 otherwise. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Entry get(UUID id, boolean drafts) {
    return records.find(em, Entry.class, id, entry -> drafts || entry.isPublished());
  }

  /** The site's entries by category and position, one page. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Entry> page(Filter filter, int limit, int offset) {
    QueryFilter where = where(filter);
    return where
        .bind(
            em.createQuery(
                "SELECT e FROM Entry e"
                    + where.where()
                    + " ORDER BY e.category, e.categoryPosition, e.createdAt, e.id",
                Entry.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    QueryFilter where = where(filter);
    return where
        .bind(em.createQuery("SELECT COUNT(e) FROM Entry e" + where.where(), Long.class))
        .getSingleResult();
  }

  /** The site's published entries in {@code language}, ranked, one page. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Entry> ranked(String language, Ranking ranking, int limit, int offset) {
    return em.createQuery(
            "SELECT e FROM Entry e WHERE e.site = :site AND e.language = :language"
                + " AND e.published = TRUE AND "
                + ranking.condition
                + " ORDER BY "
                + ranking.orderBy,
            Entry.class)
        .setParameter("site", request.site())
        .setParameter("language", language)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long countRanked(String language, Ranking ranking) {
    return em.createQuery(
            "SELECT COUNT(e) FROM Entry e WHERE e.site = :site AND e.language = :language"
                + " AND e.published = TRUE AND "
                + ranking.condition,
            Long.class)
        .setParameter("site", request.site())
        .setParameter("language", language)
        .getSingleResult();
  }

  /**
   * Adds views counted elsewhere (the view counter's flush) to the entries, in id order (replicas
   * flushing at once take the rows' locks in one order); entries deleted since are skipped.
   */
  public void addViews(Map<UUID, Long> views) {
    List<Changed> changed = new ArrayList<>();
    for (Map.Entry<UUID, Long> counted : new TreeMap<>(views).entrySet()) {
      String id = counted.getKey().toString();
      @SuppressWarnings("unchecked")
      List<Object[]> found =
          em.createNativeQuery("SELECT site, language FROM entries WHERE id = ?")
              .setParameter(1, id)
              .getResultList();
      if (found.isEmpty()) {
        continue;
      }
      em.createNativeQuery("UPDATE entries SET views = views + ? WHERE id = ?")
          .setParameter(1, counted.getValue())
          .setParameter(2, id)
          .executeUpdate();
      Object[] row = found.get(0);
      changed.add(new Changed((String) row[0], (String) row[1], counted.getKey()));
    }
    cache.changed(changed);
  }

  private void write(Entry entry, EntryRequest body, Instant now) {
    Site site = request.currentSite();
    if (!site.offers(body.language())) {
      throw ProblemException.unprocessable(
          "language-not-offered",
          "Site " + site.code() + " offers " + String.join(", ", site.languages()) + ".",
          List.of(
              new FieldViolation(
                  "body.language", "must be one of the site's languages: " + site.languages())));
    }
    entry.write(
        body.language(),
        body.category(),
        body.question(),
        Markdown.render(body.answer()),
        body.tags() == null ? List.of() : body.tags(),
        body.productId(),
        now);
  }

  private int nextPosition(String site, String language, String category) {
    Integer last =
        em.createQuery(
                "SELECT MAX(e.categoryPosition) FROM Entry e WHERE e.site = :site"
                    + " AND e.language = :language AND e.category = :category",
                Integer.class)
            .setParameter("site", site)
            .setParameter("language", language)
            .setParameter("category", category)
            .getSingleResult();
    return last == null ? 0 : last + 1;
  }

  private QueryFilter where(Filter filter) {
    return new QueryFilter()
        .and("e.site = :site", "site", request.site())
        .and("e.language = :language", "language", filter.language())
        .and("e.category = :category", "category", filter.category())
        .and(
            "e.productId = :product",
            "product",
            filter.product() == null ? null : filter.product().toString())
        .and(
            "CONCAT(',', e.tags, ',') LIKE :tag",
            "tag",
            filter.tag() == null ? null : "%," + filter.tag() + ",%")
        .and("e.published = :published", "published", filter.published());
  }
}
