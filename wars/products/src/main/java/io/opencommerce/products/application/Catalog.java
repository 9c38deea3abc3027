package io.opencommerce.products.application;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.contracts.products.ProductChanged;
import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.sites.Site;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.products.client.CategoryRequest;
import io.opencommerce.products.client.ProductRequest;
import io.opencommerce.products.domain.Category;
import io.opencommerce.products.domain.Money;
import io.opencommerce.products.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's use cases for one site (the request's). Every change publishes {@link
 * ProductChanged} in its transaction.
 */
@ApplicationScoped
@Transactional
public class Catalog {
  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject Event<ProductChanged> changed;
  @Inject Event<ProductListCache.CategoryCreated> categoryCreated;

  public Product create(ProductRequest body) {
    String site = request.site();
    if (bySku(site, body.sku()).isPresent()) {
      throw skuTaken(body.sku());
    }
    Product product = new Product(site, body.sku());
    describe(product, body);
    try {
      em.persist(product);
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueKeys.isViolation(e)) {
        throw skuTaken(body.sku()); // a concurrent create of the same SKU won the unique key
      }
      throw e;
    }
    publish(product, ProductChanged.CREATED);
    return product;
  }

  public Product replace(UUID id, ProductRequest body, Long expectedVersion) {
    Product product = get(id, true);
    if (expectedVersion != null && expectedVersion != product.version()) {
      throw ProblemException.preconditionFailed(
          "version-mismatch",
          "The product changed since it was read (version " + product.version() + ").");
    }
    if (!product.sku().equals(body.sku()) && bySku(product.site(), body.sku()).isPresent()) {
      throw skuTaken(body.sku());
    }
    if (!product.sku().equals(body.sku())) {
      throw ProblemException.invalidBody("sku", "The SKU of a product cannot change.");
    }
    describe(product, body);
    em.flush(); // raises the version for the response and the event
    publish(product, ProductChanged.UPDATED);
    return product;
  }

  public void retire(UUID id) {
    Product product = get(id, true);
    if (product.isActive()) {
      product.retire();
      em.flush();
      publish(product, ProductChanged.RETIRED);
    }
  }

  /** The product of the request's site; retired ones only when {@code includeRetired}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Product get(UUID id, boolean includeRetired) {
    Product product = em.find(Product.class, id.toString());
    if (product == null
        || !product.site().equals(request.site())
        || (!includeRetired && !product.isActive())) {
      throw ProblemException.notFound("Product", id);
    }
    return product;
  }

  /** The active products of the site among {@code ids}; unknown and retired ones are left out. */
  public List<Product> active(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT p FROM Product p WHERE p.id IN :ids AND p.site = :site AND p.active = TRUE",
            Product.class)
        .setParameter("ids", ids.stream().map(UUID::toString).toList())
        .setParameter("site", request.site())
        .getResultList();
  }

  public Category createCategory(CategoryRequest body) {
    String site = request.site();
    if (categoryBySlug(site, body.slug()).isPresent()) {
      throw ProblemException.conflict(
          "slug-taken", "A category with slug " + body.slug() + " already exists.");
    }
    Category category = new Category(site, body.slug(), body.name());
    em.persist(category);
    categoryCreated.fire(new ProductListCache.CategoryCreated(category.id()));
    return category;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Category> categories() {
    return em.createQuery(
            "SELECT c FROM Category c WHERE c.site = :site ORDER BY c.name", Category.class)
        .setParameter("site", request.site())
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Category> categoryBySlug(String site, String slug) {
    return em.createQuery(
            "SELECT c FROM Category c WHERE c.site = :site AND c.slug = :slug", Category.class)
        .setParameter("site", site)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  private void describe(Product product, ProductRequest body) {
    Site site = request.currentSite();
    if (!site.sellsIn(body.currency())) {
      throw ProblemException.unprocessable(
          "currency-not-sold",
          "Site " + site.code() + " sells in " + site.currency() + " only.",
          List.of(
              new FieldViolation(
                  "body.currency", "must be " + site.currency() + ", the site's currency")));
    }
    Category category = null;
    if (body.categoryId() != null) {
      category = em.find(Category.class, body.categoryId().toString());
      if (category == null || !category.site().equals(product.site())) {
        throw ProblemException.invalidBody("categoryId", "No such category.");
      }
    }
    product.describe(
        body.name(),
        body.description(),
        category,
        new Money(body.price(), body.currency()),
        body.attributes(),
        body.active() == null || body.active());
  }

  private Optional<Product> bySku(String site, String sku) {
    return em.createQuery(
            "SELECT p FROM Product p WHERE p.site = :site AND p.sku = :sku", Product.class)
        .setParameter("site", site)
        .setParameter("sku", sku)
        .getResultStream()
        .findFirst();
  }

  private void publish(Product product, String change) {
    changed.fire(
        new ProductChanged(
            product.id(),
            product.sku(),
            change,
            product.name(),
            product.price().amount(),
            product.price().currency(),
            product.isActive(),
            product.version()));
  }

  private static ProblemException skuTaken(String sku) {
    return ProblemException.conflict("sku-taken", "A product with SKU " + sku + " already exists.");
  }
}
