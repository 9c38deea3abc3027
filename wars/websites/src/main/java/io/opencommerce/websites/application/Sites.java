package io.opencommerce.websites.application;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.contracts.websites.SiteTheme;
import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.sites.SiteRegistry;
import io.opencommerce.websites.client.SiteRequest;
import io.opencommerce.websites.client.Theme;
import io.opencommerce.websites.domain.SiteSettings;
import io.opencommerce.websites.domain.Website;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The platform's sites, which administrators create and change, and the registry feed every
 * service's site registry loads. Every real change is published as {@link SiteChanged} (the site's
 * whole state) in its transaction; a replacement that changes nothing publishes nothing.
 */
@ApplicationScoped
@Transactional
public class Sites {
  private static final Logger LOG = Logger.getLogger(Sites.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Event<SiteChanged> changed;
  @Inject SiteRegistry registry;

  /**
   * Creates a site, active unless the request says otherwise. 400 naming each invalid field; 409
   * {@code site-exists}, {@code domain-taken}.
   */
  public Website create(SiteRequest body) {
    List<FieldViolation> invalid = new ArrayList<>(SiteSettings.codeViolations(body.code()));
    SiteSettings settings = settings(body);
    invalid.addAll(settings.violations());
    boolean active = body.active() == null || body.active();
    if (!invalid.isEmpty()) {
      throw ProblemException.invalidBody(invalid);
    }
    String code = body.code();
    if (!active && code.equals(registry.defaultCode())) {
      throw defaultSite();
    }
    if (em.find(Website.class, code) != null) {
      throw siteExists(code);
    }
    requireFreeDomains(code, settings.domains());
    Website site = new Website(code, settings, active, Instant.now());
    em.persist(site);
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueKeys.isViolation(e)) {
        // A concurrent request took the code or one of the domains first.
        throw exists(code) ? siteExists(code) : domainTaken(null);
      }
      throw e;
    }
    publish(site);
    LOG.info(() -> "Site " + code + " created, version " + site.version());
    return site;
  }

  /**
   * Replaces a site's settings (and its {@code active} flag when the request names it). {@code
   * expectedVersion} (from {@code If-Match}) makes it conditional: 412 {@code version-mismatch}
   * when the site is at another. 409 {@code domain-taken}; {@code default-site} for deactivating
   * the default site; {@code site-changed} when a concurrent change was saved first.
   */
  public Website replace(String code, SiteRequest body, Long expectedVersion) {
    Website site = get(code);
    if (expectedVersion != null && expectedVersion != site.version()) {
      throw ProblemException.preconditionFailed(
          "version-mismatch",
          "Site " + code + " changed since it was read (it is at version " + site.version() + ").");
    }
    List<FieldViolation> invalid = new ArrayList<>();
    if (body.code() != null && !body.code().equals(code)) {
      invalid.add(new FieldViolation("code", "The code of a site cannot change."));
    }
    SiteSettings settings = settings(body);
    invalid.addAll(settings.violations());
    if (!invalid.isEmpty()) {
      throw ProblemException.invalidBody(invalid);
    }
    boolean active = body.active() == null ? site.active() : body.active();
    if (!active && code.equals(registry.defaultCode())) {
      throw defaultSite();
    }
    requireFreeDomains(code, settings.domains());
    if (!site.change(settings, active, Instant.now())) {
      return site;
    }
    try {
      em.flush(); // raises the version for the answer and the event
    } catch (OptimisticLockException e) {
      throw siteChanged(code);
    } catch (PersistenceException e) {
      if (e.getCause() instanceof OptimisticLockException) {
        throw siteChanged(code);
      }
      if (UniqueKeys.isViolation(e)) {
        throw domainTaken(null);
      }
      throw e;
    }
    publish(site);
    LOG.info(
        () ->
            "Site "
                + code
                + " changed, version "
                + site.version()
                + (site.active() ? "" : " (inactive)"));
    return site;
  }

  /** A site, active or not; 404 when there is none. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Website get(String code) {
    Website site = em.find(Website.class, code);
    if (site == null) {
      throw ProblemException.notFound("Site", code);
    }
    return site;
  }

  /** Every site, active or not, by code. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Website> page(int limit, int offset) {
    return em.createQuery("SELECT w FROM Website w ORDER BY w.code", Website.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return em.createQuery("SELECT COUNT(w) FROM Website w", Long.class).getSingleResult();
  }

  /**
   * The registry feed: the latest state of every site, by code. An inactive site is a tombstone
   * (code, its domains, {@code active} false and version; nothing else), so that the feed, which
   * anyone may read, never tells an inactive shop's settings, while every service still refuses
   * requests sent to its host names (they are public in DNS anyway).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SiteChanged> feed() {
    return em
        .createQuery("SELECT w FROM Website w ORDER BY w.code", Website.class)
        .getResultList()
        .stream()
        .map(site -> site.active() ? changed(site) : tombstone(site))
        .toList();
  }

  /** The site's whole state, as published and as the feed gives an active site. */
  static SiteChanged changed(Website site) {
    return new SiteChanged(
        site.code(),
        site.name(),
        site.domains(),
        site.defaultLanguage(),
        site.languages(),
        site.currency(),
        site.countries(),
        site.timeZone(),
        new SiteTheme(site.colours(), site.logoKey(), site.supportEmail()),
        site.active(),
        site.version(),
        site.changedAt());
  }

  static SiteChanged tombstone(Website site) {
    return new SiteChanged(
        site.code(),
        null,
        site.domains(),
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        site.version(),
        null);
  }

  private void publish(Website site) {
    changed.fire(changed(site));
  }

  private static SiteSettings settings(SiteRequest body) {
    Theme theme = body.theme();
    return SiteSettings.of(
        body.name(),
        body.domains(),
        body.defaultLanguage(),
        body.languages(),
        body.currency(),
        body.countries(),
        body.timeZone(),
        theme == null ? null : theme.colours(),
        theme == null ? null : theme.logoKey(),
        theme == null ? null : theme.supportEmail());
  }

  /** 409 {@code domain-taken} naming each domain another site answers on. */
  private void requireFreeDomains(String code, List<String> domains) {
    if (domains.isEmpty()) {
      return;
    }
    List<Object[]> owners =
        em.createQuery(
                "SELECT d, w.code FROM Website w JOIN w.domains d"
                    + " WHERE d IN :domains AND w.code <> :code",
                Object[].class)
            .setParameter("domains", domains)
            .setParameter("code", code)
            .getResultList();
    if (owners.isEmpty()) {
      return;
    }
    List<FieldViolation> taken = new ArrayList<>();
    for (Object[] owner : owners) {
      int index = domains.indexOf((String) owner[0]);
      taken.add(
          new FieldViolation(
              index < 0 ? "body.domains" : "body.domains[" + index + "]",
              "Domain " + owner[0] + " belongs to site " + owner[1] + "."));
    }
    throw domainTaken(taken);
  }

  private boolean exists(String code) {
    try {
      return em.createQuery("SELECT COUNT(w) FROM Website w WHERE w.code = :code", Long.class)
              .setParameter("code", code)
              .setFlushMode(FlushModeType.COMMIT)
              .getSingleResult()
          > 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static ProblemException siteExists(String code) {
    return ProblemException.conflict("site-exists", "A site with code " + code + " exists.");
  }

  private static ProblemException domainTaken(List<FieldViolation> taken) {
    String detail = "A domain of this site belongs to another site: a domain names one site only.";
    return taken == null
        ? ProblemException.conflict("domain-taken", detail)
        : ProblemException.conflict("domain-taken", detail, taken);
  }

  private static ProblemException defaultSite() {
    return ProblemException.conflict(
        "default-site", "The platform's default site cannot be deactivated.");
  }

  private static ProblemException siteChanged(String code) {
    return ProblemException.conflict(
        "site-changed",
        "Site " + code + " was changed by another request at the same moment; read it again.");
  }
}
