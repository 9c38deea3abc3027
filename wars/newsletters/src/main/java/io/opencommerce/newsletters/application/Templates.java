package io.opencommerce.newsletters.application;

import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.redis.Cache;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.newsletters.domain.ActiveTemplate;
import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.RenderedMail;
import io.opencommerce.newsletters.domain.TemplateVersion;
import io.opencommerce.newsletters.infrastructure.BuiltInTemplates;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import io.opencommerce.newsletters.infrastructure.TemplateEngine;
import io.opencommerce.newsletters.infrastructure.TemplateEngine.TemplateException;
import io.opencommerce.newsletters.infrastructure.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Mail templates: administrators save versions per site, language and kind (content in object
 * storage, checked at save: a template that does not compile or render with its kind's sample data
 * is refused, naming the part, rather than failing when a mail is due), preview them with sample
 * data and activate one. New mails are rendered with the active version of their site, language and
 * kind, or the built-in template when there is none.
 *
 * <p>Which version is active is cached in Redis ({@code oc:newsletters:template:<site>:<language>:
 * <kind>}, an hour), and dropped when another is activated, once that has committed; a version's
 * compiled content is kept in memory by id, for ever, since a version never changes.
 */
@ApplicationScoped
@Transactional
public class Templates {
  static final String BUILT_IN = "built-in";
  private static final long CACHE_SECONDS = 3600;
  private static final int COMPILED_KEPT = 256;
  private static final Logger LOG = Logger.getLogger(Templates.class.getName());

  @PersistenceContext EntityManager em;
  @Inject TemplateStore store;
  @Inject Cache cache;
  @Inject CurrentRequest request;
  @Inject SiteSettings sites;

  private final Map<UUID, TemplateEngine.Compiled> compiled =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, TemplateEngine.Compiled> eldest) {
              return size() > COMPILED_KEPT;
            }
          });

  /**
   * The template for a new mail of {@code kind} in {@code language} on {@code site}: its active
   * version, or the built-in one.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TemplateEngine.Compiled compiled(String site, String language, MailKind kind) {
    String key = cacheKey(site, language, kind);
    String active = cache.get(key);
    if (active == null) {
      active =
          em.createQuery(
                  "SELECT a FROM ActiveTemplate a WHERE a.site = :site AND a.language = :language"
                      + " AND a.kind = :kind",
                  ActiveTemplate.class)
              .setParameter("site", site)
              .setParameter("language", language)
              .setParameter("kind", kind)
              .getResultStream()
              .findFirst()
              .map(a -> a.versionId().toString())
              .orElse(BUILT_IN);
      cache.put(key, active, CACHE_SECONDS);
    }
    return BUILT_IN.equals(active) ? builtIn(kind, language) : version(UUID.fromString(active));
  }

  /** A stored version, compiled (a campaign's, which names it). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TemplateEngine.Compiled compiled(UUID versionId) {
    return version(versionId);
  }

  /**
   * A template that is not saved as a version (a campaign's own) checked as a version is before it
   * is saved: compiled, and rendered with {@code kind}'s sample data as {@code site} signs its
   * mails. 400 naming {@code body.subject}, {@code body.text} or {@code body.html} otherwise.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TemplateEngine.Compiled checked(
      MailKind kind, String site, String language, TemplateStore.Content content) {
    TemplateEngine.Compiled compiled = check(null, content);
    render(compiled, kind, site, language);
    return compiled;
  }

  /** A stored version, compiled; read from object storage once per version and replica. */
  private TemplateEngine.Compiled version(UUID id) {
    TemplateEngine.Compiled known = compiled.get(id);
    if (known != null) {
      return known;
    }
    TemplateStore.Content content;
    try {
      content = store.get(id);
    } catch (Exception e) {
      throw new IllegalStateException("Template version " + id + " cannot be read: " + e, e);
    }
    TemplateEngine.Compiled fresh =
        TemplateEngine.compile(id, content.subject(), content.text(), content.html());
    compiled.put(id, fresh);
    return fresh;
  }

  /** The built-in template, in English where the language has none. */
  static TemplateEngine.Compiled builtIn(MailKind kind, String language) {
    return BuiltInTemplates.of(kind, language)
        .or(() -> BuiltInTemplates.of(kind, SiteSettings.DEFAULT_LANGUAGE))
        .orElseThrow(() -> new IllegalStateException("No built-in template for " + kind));
  }

  /**
   * Saves a new version on the current site, numbered after the last one of its site, language and
   * kind. 400 naming {@code body.subject}, {@code body.text} or {@code body.html} when a part does
   * not compile or render with the kind's sample data; nothing is stored then.
   */
  public TemplateVersion create(
      MailKind kind, String language, TemplateStore.Content content, UUID by) {
    String site = request.site();
    TemplateEngine.Compiled checked = check(null, content);
    render(checked, kind, site, language);
    Integer last =
        em.createQuery(
                "SELECT MAX(v.number) FROM TemplateVersion v WHERE v.site = :site"
                    + " AND v.language = :language AND v.kind = :kind",
                Integer.class)
            .setParameter("site", site)
            .setParameter("language", language)
            .setParameter("kind", kind)
            .getSingleResult();
    TemplateVersion version =
        new TemplateVersion(
            site,
            language,
            kind,
            last == null ? 1 : last + 1,
            content.subject().strip(),
            by,
            Instant.now());
    em.persist(version);
    em.flush(); // a concurrent save of the same number fails here, before anything is stored
    try {
      store.put(version.id(), content);
    } catch (Exception e) {
      throw new IllegalStateException("Storing template version " + version.id() + " failed", e);
    }
    LOG.info(
        () ->
            "Saved template "
                + kind.code()
                + " "
                + language
                + " v"
                + version.number()
                + " of site "
                + site
                + " ("
                + version.id()
                + ")");
    return version;
  }

  private static TemplateEngine.Compiled check(UUID id, TemplateStore.Content content) {
    try {
      return TemplateEngine.compile(id, content.subject(), content.text(), content.html());
    } catch (TemplateException e) {
      throw ProblemException.invalidBody(e.part(), e.getMessage());
    }
  }

  /** The version rendered with its kind's sample data, signed as the site signs its mails. */
  private RenderedMail render(
      TemplateEngine.Compiled template, MailKind kind, String site, String language) {
    Map<String, Object> sample = new LinkedHashMap<>(kind.sample());
    SiteSettings.Branding branding = sites.of(site);
    sample.put("shopName", branding.shopName());
    sample.put("supportEmail", branding.supportEmail());
    sample.put("site", site);
    sample.put("language", language);
    try {
      return template.render(sample);
    } catch (TemplateException e) {
      throw ProblemException.invalidBody(e.part(), e.getMessage());
    }
  }

  /** A version of the current site with its content; 404 otherwise. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TemplateVersion get(UUID id) {
    TemplateVersion version = em.find(TemplateVersion.class, id.toString());
    if (version == null || !version.site().equals(request.site())) {
      throw ProblemException.notFound("Template", id);
    }
    return version;
  }

  /** A version's content, from object storage. */
  public TemplateStore.Content content(TemplateVersion version) {
    try {
      return store.get(version.id());
    } catch (Exception e) {
      throw ProblemException.unavailable(
          "storage-unavailable", "The template's content cannot be read now; try again shortly.");
    }
  }

  /** A version of the current site rendered with its kind's sample data. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public RenderedMail preview(UUID id) {
    TemplateVersion version = get(id);
    TemplateStore.Content content = content(version);
    return render(check(version.id(), content), version.kind(), version.site(), version.language());
  }

  /**
   * Makes the version render its site's new mails of its kind and language, in place of the one
   * active before (or the built-in template). Again on the active one changes nothing.
   */
  public TemplateVersion activate(UUID id, UUID by) {
    TemplateVersion version = get(id);
    ActiveTemplate active =
        em.find(
            ActiveTemplate.class,
            new ActiveTemplate.Key(version.site(), version.language(), version.kind()),
            LockModeType.PESSIMISTIC_WRITE);
    if (active == null) {
      em.persist(new ActiveTemplate(version, by, Instant.now()));
    } else if (!active.versionId().equals(version.id())) {
      active.activate(version, by, Instant.now());
    }
    em.flush();
    cache.evictAfterCommit(cacheKey(version.site(), version.language(), version.kind()));
    LOG.info(() -> "Template " + version.id() + " is now active for " + version.kind().code());
    return version;
  }

  /** Whether {@code version} is the active one of its site, language and kind. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean isActive(TemplateVersion version) {
    return activeVersion(version.site(), version.language(), version.kind())
        .filter(version.id()::equals)
        .isPresent();
  }

  private Optional<UUID> activeVersion(String site, String language, MailKind kind) {
    ActiveTemplate active =
        em.find(ActiveTemplate.class, new ActiveTemplate.Key(site, language, kind));
    return Optional.ofNullable(active).map(ActiveTemplate::versionId);
  }

  /** Versions of the current site, newest first; null filters do not filter. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TemplateVersion> page(MailKind kind, String language, int limit, int offset) {
    return where(
            "SELECT v FROM TemplateVersion v",
            " ORDER BY v.createdAt DESC, v.number DESC",
            kind,
            language,
            TemplateVersion.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(MailKind kind, String language) {
    return where("SELECT COUNT(v) FROM TemplateVersion v", "", kind, language, Long.class)
        .getSingleResult();
  }

  private <T> TypedQuery<T> where(
      String select, String order, MailKind kind, String language, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("v.site = :site", "site", request.site())
            .and("v.kind = :kind", "kind", kind)
            .and("v.language = :language", "language", language);
    return where.bind(em.createQuery(select + where.where() + order, type));
  }

  static String cacheKey(String site, String language, MailKind kind) {
    return "oc:newsletters:template:" + site + ":" + language + ":" + kind.code();
  }
}
