package io.opencommerce.storefront.application;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ParallelCalls;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.redis.Cache;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.storefront.domain.ComposedPage;
import io.opencommerce.storefront.domain.Part;
import io.opencommerce.storefront.infrastructure.ProductsService;
import io.opencommerce.storefront.infrastructure.QuestionsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A product page: the product, its units available now (both from the catalogue, in one call) and
 * its FAQ entries in the page's language (the questions service). Every part is kept in Redis as
 * the JSON it is shown as, per site, product and language, for a short while of its own ({@code
 * storefront.product-pages.product-ttl}, {@code .stock-ttl}, {@code .faq-ttl}): a page read again
 * within that time is made from one Redis read, with no call at all. A part past its time to live
 * is still shown for {@code storefront.product-pages.stale-for} while the one request that claims
 * its refresh (a key in Redis, so one among all replicas) has it fetched in the background (HTTP's
 * stale-while-revalidate); only a part not kept at all is waited for, each service asked at once.
 *
 * <p>So a page may show a product or its FAQ as they were up to their time to live ago (one minute
 * by default), and its stock up to a few seconds ago, plus the time one refresh takes (or, while
 * the catalogue cannot answer, up to {@code stale-for}); the checkout holds units at the
 * catalogue's own stock and prices, never the page's. A product the catalogue does not know on the
 * site (unknown or retired) makes the page a 404 — it is the page's subject — and that answer, too,
 * is kept for the stock's time to live.
 */
@ApplicationScoped
public class ProductPages {
  static final String PRODUCTS = "products";
  static final String QUESTIONS = "questions";

  /** What Redis keeps for a product the catalogue said it does not know (never valid JSON). */
  static final String UNKNOWN = "!unknown";

  @Inject ProductsService products;
  @Inject QuestionsService questions;
  @Inject ParallelCalls calls;
  @Inject Cache cache;
  @Inject StorefrontSettings settings;

  /**
   * The page of {@code productId} on {@code site}, its FAQ in {@code language} (one the site
   * offers).
   *
   * @throws ProblemException 404 when the catalogue does not know the product on the site
   */
  public ComposedPage page(String site, UUID productId, String language) {
    String lang = language;
    byte[] productKey = key("product:" + site + ":" + productId);
    byte[] stockKey = key("stock:" + site + ":" + productId);
    byte[] faqKey = key("faq:" + site + ":" + lang + ":" + productId);
    byte[] lookupFresh = key("fresh:lookup:" + site + ":" + productId);
    byte[] faqFresh = key("fresh:faq:" + site + ":" + lang + ":" + productId);

    List<byte[]> cached = cache.getAll(productKey, stockKey, faqKey, lookupFresh, faqFresh);
    String product = text(cached, 0);
    String stock = text(cached, 1);
    String faq = text(cached, 2);
    if (UNKNOWN.equals(product)) {
      throw ProblemException.notFound("Product", productId);
    }
    boolean lookupKept = product != null && stock != null;
    if (lookupKept
        && text(cached, 3) == null
        && cache.claim(lookupFresh, settings.stockTtlSeconds())) {
      // Past its time to live: shown once more while this request has it refreshed.
      calls.submit(() -> keepLookup(productKey, stockKey, lookupFresh, products.lookup(productId)));
    }
    if (faq != null && text(cached, 4) == null && cache.claim(faqFresh, settings.faqTtlSeconds())) {
      calls.submit(
          () ->
              keepFaq(
                  faqKey,
                  faqFresh,
                  PartJson.of(questions.productEntries(productId, lang, settings.faqLimit()))));
    }

    CompletableFuture<List<ProductAvailability>> lookup =
        lookupKept ? null : calls.submit(() -> products.lookup(productId));
    CompletableFuture<Page<EntryView>> entries =
        faq == null
            ? calls.submit(() -> questions.productEntries(productId, lang, settings.faqLimit()))
            : null;
    Duration waited = settings.partTimeout();
    ParallelCalls.awaitAll(waited, lookup, entries);

    Part productPart;
    Part stockPart;
    if (lookup == null) {
      productPart = Part.of(product);
      stockPart = Part.of(stock);
    } else {
      Answer<List<ProductAvailability>> found = Answer.of(lookup, PRODUCTS, waited);
      if (found.ok() && found.value().isEmpty()) {
        keep(productKey, UNKNOWN, settings.stockTtlSeconds());
        throw ProblemException.notFound("Product", productId);
      }
      if (found.ok()) {
        ProductAvailability now = keepLookup(productKey, stockKey, lookupFresh, found.value());
        productPart = Part.of(PartJson.of(now.product()));
        stockPart = Part.of(availability(now.available()));
      } else {
        // The product as it was a moment ago still makes a page; the stock must be current.
        productPart = product != null ? Part.of(product) : Part.unavailable(found.problem());
        stockPart = Part.unavailable(found.problem());
      }
    }

    Part faqPart;
    if (entries == null) {
      faqPart = Part.of(faq);
    } else {
      Answer<Page<EntryView>> found = Answer.of(entries, QUESTIONS, waited);
      faqPart = found.part(PartJson::of);
      if (found.ok()) {
        keepFaq(faqKey, faqFresh, faqPart.data());
      }
    }

    return ComposedPage.builder()
        .field("productId", productId.toString())
        .field("language", lang)
        .part("product", productPart)
        .part("availability", stockPart)
        .part("faq", faqPart)
        .build();
  }

  /**
   * Keeps what the catalogue answered: the product and its availability for their times to live
   * plus {@code storefront.product-pages.stale-for}, and the mark that they are fresh for the
   * stock's time to live; an empty answer (the product is unknown, or retired since) as unknown.
   * Answers the product's line, or null for an unknown one.
   */
  private ProductAvailability keepLookup(
      byte[] productKey, byte[] stockKey, byte[] fresh, List<ProductAvailability> found) {
    if (found.isEmpty()) {
      keep(productKey, UNKNOWN, settings.stockTtlSeconds());
      return null;
    }
    ProductAvailability now = found.get(0);
    long stale = settings.staleForSeconds();
    keep(
        productKey,
        PartJson.of(now.product()),
        Math.max(settings.productTtlSeconds(), settings.stockTtlSeconds() + stale));
    keep(stockKey, availability(now.available()), settings.stockTtlSeconds() + stale);
    keep(fresh, "1", settings.stockTtlSeconds());
    return now;
  }

  private String keepFaq(byte[] faqKey, byte[] fresh, String json) {
    keep(faqKey, json, settings.faqTtlSeconds() + settings.staleForSeconds());
    keep(fresh, "1", settings.faqTtlSeconds());
    return json;
  }

  /** The availability part: the units that can be sold now, and whether there are any. */
  static String availability(int available) {
    return "{\"available\":" + available + ",\"inStock\":" + (available > 0) + "}";
  }

  private void keep(byte[] key, String json, long ttlSeconds) {
    if (ttlSeconds > 0) {
      cache.put(key, json.getBytes(StandardCharsets.UTF_8), ttlSeconds);
    }
  }

  static byte[] key(String suffix) {
    return ("oc:storefront:" + suffix).getBytes(StandardCharsets.UTF_8);
  }

  private static String text(List<byte[]> values, int index) {
    if (values == null || values.size() <= index || values.get(index) == null) {
      return null;
    }
    return new String(values.get(index), StandardCharsets.UTF_8);
  }
}
