package io.opencommerce.products.application;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.storage.ObjectStorage;
import io.opencommerce.products.domain.ImageType;
import io.opencommerce.products.domain.Product;
import io.opencommerce.products.domain.ProductImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Product images in the service's bucket. An upload is checked (declared type, real type by
 * signature, size), stored, then recorded; a failed store leaves no record and a failed record no
 * orphan worth keeping (it is deleted again).
 */
@ApplicationScoped
@Transactional
public class ProductImages {
  /** The largest image the catalog takes. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(ProductImages.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Catalog catalog;
  @Inject ObjectStorage storage;

  public ProductImage add(UUID productId, String declaredType, byte[] bytes) {
    Product product = catalog.get(productId, true);
    ImageType declared =
        ImageType.ofContentType(declaredType)
            .orElseThrow(
                () ->
                    ProblemException.unsupportedMediaType(
                        "unsupported-image-type",
                        "Images must be image/png, image/jpeg or image/webp."));
    if (bytes.length == 0) {
      throw ProblemException.badRequest("empty-image", "The image is empty.");
    }
    ImageType actual =
        ImageType.sniff(bytes)
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "not-an-image", "The content is not a PNG, JPEG or WebP image."));
    if (actual != declared) {
      throw ProblemException.badRequest(
          "image-type-mismatch",
          "The content is " + actual.contentType() + ", not " + declared.contentType() + ".");
    }
    long count =
        em.createQuery("SELECT COUNT(i) FROM ProductImage i WHERE i.productId = :p", Long.class)
            .setParameter("p", product.id().toString())
            .getSingleResult();
    if (count >= 20) {
      throw ProblemException.conflict("too-many-images", "A product has at most 20 images.");
    }
    ProductImage image = new ProductImage(product.id(), actual, bytes.length, (int) count);
    try {
      storage.put(
          image.objectKey(), new ByteArrayInputStream(bytes), bytes.length, actual.contentType());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Storing image " + image.objectKey() + " failed", e);
      throw ProblemException.storageUnavailable();
    }
    try {
      em.persist(image);
      em.flush();
    } catch (RuntimeException e) {
      delete(image.objectKey());
      throw e;
    }
    return image;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ProductImage> of(UUID productId, boolean includeRetired) {
    catalog.get(productId, includeRetired);
    return em.createQuery(
            "SELECT i FROM ProductImage i WHERE i.productId = :p ORDER BY i.position, i.id",
            ProductImage.class)
        .setParameter("p", productId.toString())
        .getResultList();
  }

  public void remove(UUID productId, UUID imageId) {
    catalog.get(productId, true);
    ProductImage image = em.find(ProductImage.class, imageId.toString());
    if (image == null || !image.productId().equals(productId)) {
      throw ProblemException.notFound("Image", imageId);
    }
    em.remove(image);
    em.flush();
    delete(image.objectKey());
  }

  private void delete(String key) {
    try {
      storage.delete(key);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Deleting object {0} failed: {1}", new Object[] {key, e.toString()});
    }
  }
}
