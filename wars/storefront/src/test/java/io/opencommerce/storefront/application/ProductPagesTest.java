package io.opencommerce.storefront.application;

import static io.opencommerce.storefront.application.Fakes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ParallelCalls;
import io.opencommerce.kit.client.UpstreamFailure;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.products.client.ProductAvailability;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.storefront.application.Fakes.MemoryCache;
import io.opencommerce.storefront.domain.ComposedPage;
import io.opencommerce.storefront.infrastructure.ProductsService;
import io.opencommerce.storefront.infrastructure.QuestionsService;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductPagesTest {
  private static final String SITE = "default";

  private final UUID id = UUID.randomUUID();
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicInteger faqReads = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private ExecutorService pool;
  private MemoryCache cache;
  private ProductPages pages;

  private Function<UUID, List<ProductAvailability>> catalogue;
  private Function<String, Page<EntryView>> questions;

  @BeforeEach
  void setUp() {
    pool = Executors.newFixedThreadPool(4);
    cache = new MemoryCache();
    catalogue = productId -> Fakes.available(productId, "Kenya AA", 7);
    questions = language -> Fakes.faq(id, language, "Is it washed?", "How fresh is it?");
    pages = new ProductPages();
    pages.products =
        new ProductsService() {
          @Override
          public List<ProductAvailability> lookup(UUID productId) {
            lookups.incrementAndGet();
            return catalogue.apply(productId);
          }
        };
    pages.questions =
        new QuestionsService() {
          @Override
          public Page<EntryView> productEntries(UUID productId, String language, int limit) {
            faqReads.incrementAndGet();
            return questions.apply(language);
          }
        };
    pages.calls = ParallelCalls.on(pool);
    pages.cache = cache;
    pages.settings = StorefrontSettings.defaults();
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    pool.shutdownNow();
  }

  private void shorterWaits() {
    StorefrontSettings settings = StorefrontSettings.defaults();
    settings.partTimeout = "PT0.2S";
    settings.init();
    pages.settings = settings;
  }

  @Test
  void aFirstReadAsksEachServiceOnceAndKeepsEveryPartForItsOwnTime() {
    ComposedPage page = pages.page(SITE, id, "en");

    assertThat(page.complete()).isTrue();
    JsonObject body = json(page.json());
    assertThat(body.getString("productId")).isEqualTo(id.toString());
    assertThat(body.getString("language")).isEqualTo("en");
    JsonObject product = body.getJsonObject("product");
    assertThat(product.getString("status")).isEqualTo("ok");
    assertThat(product.getJsonObject("data").getString("name")).isEqualTo("Kenya AA");
    assertThat(product.getJsonObject("data").getString("description"))
        .isEqualTo("A \"fine\" thing");
    JsonObject availability = body.getJsonObject("availability").getJsonObject("data");
    assertThat(availability.getInt("available")).isEqualTo(7);
    assertThat(availability.getBoolean("inStock")).isTrue();
    JsonObject faq = body.getJsonObject("faq").getJsonObject("data");
    assertThat(faq.getInt("total")).isEqualTo(2);
    assertThat(faq.getJsonArray("items").getJsonObject(0).getString("question"))
        .isEqualTo("Is it washed?");
    assertThat(lookups).hasValue(1);
    assertThat(faqReads).hasValue(1);

    // Each part is fresh for its time to live, and kept 30 s longer to be shown while refreshed.
    assertThat(cache.ttls)
        .containsEntry("oc:storefront:product:default:" + id, 60L)
        .containsEntry("oc:storefront:stock:default:" + id, 35L)
        .containsEntry("oc:storefront:fresh:lookup:default:" + id, 5L)
        .containsEntry("oc:storefront:faq:default:en:" + id, 90L)
        .containsEntry("oc:storefront:fresh:faq:default:en:" + id, 60L);
  }

  @Test
  void aPartPastItsTimeToLiveIsShownWhileOneRequestHasItRefreshed() throws Exception {
    pages.page(SITE, id, "en");
    CountDownLatch refreshed = new CountDownLatch(1);
    catalogue =
        productId -> {
          try {
            refreshed.await(5, java.util.concurrent.TimeUnit.SECONDS); // a slow catalogue
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Fakes.available(productId, "Kenya AA", 2);
        };
    cache.values.remove("oc:storefront:fresh:lookup:default:" + id); // the stock's time is up

    ComposedPage stale = pages.page(SITE, id, "en");
    ComposedPage alsoStale = pages.page(SITE, id, "en");

    for (ComposedPage page : List.of(stale, alsoStale)) {
      assertThat(
              json(page.json())
                  .getJsonObject("availability")
                  .getJsonObject("data")
                  .getInt("available"))
          .as("shown as kept, without waiting for the catalogue")
          .isEqualTo(7);
    }
    refreshed.countDown();
    String stock = "oc:storefront:stock:default:" + id;
    org.awaitility.Awaitility.await("the refreshed stock kept")
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> String.valueOf(cache.text(stock)).contains("\"available\":2"));
    assertThat(lookups).as("one refresh for both stale reads").hasValue(2);
    assertThat(faqReads).as("the FAQ is still fresh").hasValue(1);
    assertThat(
            json(pages.page(SITE, id, "en").json())
                .getJsonObject("availability")
                .getJsonObject("data")
                .getInt("available"))
        .isEqualTo(2);
  }

  @Test
  void aPageReadAgainComesFromRedisWithoutACallAndWithTheSameTag() {
    ComposedPage first = pages.page(SITE, id, "en");
    ComposedPage again = pages.page(SITE, id, "en");

    assertThat(again.json()).isEqualTo(first.json());
    assertThat(again.etag()).isEqualTo(first.etag());
    assertThat(lookups).hasValue(1);
    assertThat(faqReads).hasValue(1);
  }

  @Test
  void onlyWhatHasExpiredIsAskedAgain() {
    pages.page(SITE, id, "en");
    cache.values.remove("oc:storefront:stock:default:" + id);
    catalogue = productId -> Fakes.available(productId, "Kenya AA", 0);

    ComposedPage page = pages.page(SITE, id, "en");

    assertThat(lookups).hasValue(2);
    assertThat(faqReads).hasValue(1);
    JsonObject availability = json(page.json()).getJsonObject("availability").getJsonObject("data");
    assertThat(availability.getInt("available")).isZero();
    assertThat(availability.getBoolean("inStock")).isFalse();
  }

  @Test
  void theEntityTagFollowsTheContent() {
    String before = pages.page(SITE, id, "en").etag();
    cache.values.clear();
    catalogue = productId -> Fakes.available(productId, "Kenya AA", 6);

    assertThat(pages.page(SITE, id, "en").etag()).isNotEqualTo(before);
  }

  @Test
  void eachLanguageHasItsOwnFaq() {
    ComposedPage page = pages.page("fr-shop", id, "fr");

    assertThat(json(page.json()).getString("language")).isEqualTo("fr");
    assertThat(cache.values).containsKey("oc:storefront:faq:fr-shop:fr:" + id);
    pages.page("fr-shop", id, "en");
    assertThat(faqReads).hasValue(2);
  }

  @Test
  void aProductTheCatalogueDoesNotSellIsNotFoundAndRememberedBriefly() {
    catalogue = productId -> List.of();

    assertThatThrownBy(() -> pages.page(SITE, id, "en"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> pages.page(SITE, id, "en"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));

    assertThat(lookups).hasValue(1);
    assertThat(cache.ttls).containsEntry("oc:storefront:product:default:" + id, 5L);
  }

  @Test
  void aSlowFaqIsMarkedUnavailableInTimeAndTheRestIsShown() {
    shorterWaits();
    questions =
        language -> {
          await(release);
          return Fakes.faq(id, language);
        };

    ComposedPage page = pages.page(SITE, id, "en");

    assertThat(page.complete()).isFalse();
    JsonObject body = json(page.json());
    assertThat(body.getJsonObject("product").getString("status")).isEqualTo("ok");
    assertThat(body.getJsonObject("availability").getString("status")).isEqualTo("ok");
    JsonObject faq = body.getJsonObject("faq");
    assertThat(faq.getString("status")).isEqualTo("unavailable");
    JsonObject problem = faq.getJsonObject("problem");
    assertThat(problem.getInt("status")).isEqualTo(504);
    assertThat(problem.getString("code")).isEqualTo("upstream-timeout");
    assertThat(problem.getString("type"))
        .isEqualTo("https://opencommerce.io/problems/upstream-timeout");
    assertThat(problem.getString("service")).isEqualTo("questions");
    assertThat(problem.getString("detail")).contains("200 ms");
    assertThat(cache.values).doesNotContainKey("oc:storefront:faq:default:en:" + id);
  }

  @Test
  void withTheCatalogueDownAKeptProductIsShownWithoutItsStock() {
    pages.page(SITE, id, "en");
    cache.values.remove("oc:storefront:stock:default:" + id);
    catalogue =
        productId -> {
          throw new UpstreamFailure("products", "503 server-error", null);
        };

    ComposedPage page = pages.page(SITE, id, "en");

    JsonObject body = json(page.json());
    assertThat(body.getJsonObject("product").getString("status")).isEqualTo("ok");
    JsonObject stock = body.getJsonObject("availability");
    assertThat(stock.getString("status")).isEqualTo("unavailable");
    assertThat(stock.getJsonObject("problem").getString("code")).isEqualTo("upstream-unavailable");
    assertThat(stock.getJsonObject("problem").getInt("status")).isEqualTo(503);
    assertThat(body.getJsonObject("faq").getString("status")).isEqualTo("ok");
    assertThat(page.complete()).isFalse();
  }

  @Test
  void withTheCatalogueDownAndNothingKeptThePageIsStillAnswered() {
    catalogue =
        productId -> {
          throw new UpstreamFailure.Unreachable("products", new java.net.ConnectException());
        };

    ComposedPage page = pages.page(SITE, id, "en");

    JsonObject body = json(page.json());
    assertThat(body.getJsonObject("product").getString("status")).isEqualTo("unavailable");
    assertThat(body.getJsonObject("availability").getString("status")).isEqualTo("unavailable");
    assertThat(body.getJsonObject("faq").getString("status")).isEqualTo("ok");
  }

  @Test
  void withoutRedisEveryPageAsksTheServices() {
    cache.down = true;

    assertThat(pages.page(SITE, id, "en").complete()).isTrue();
    assertThat(pages.page(SITE, id, "en").complete()).isTrue();

    assertThat(lookups).hasValue(2);
    assertThat(faqReads).hasValue(2);
  }

  @Test
  void aRefusalOfAPartShowsTheServicesOwnProblem() {
    questions =
        language -> {
          throw ProblemException.answeredBy(
              400, "validation-failed", "Bad request", "language is not valid", List.of());
        };

    JsonObject faq = json(pages.page(SITE, id, "en").json()).getJsonObject("faq");

    assertThat(faq.getString("status")).isEqualTo("unavailable");
    assertThat(faq.getJsonObject("problem").getInt("status")).isEqualTo(400);
    assertThat(faq.getJsonObject("problem").getString("code")).isEqualTo("validation-failed");
    assertThat(faq.getJsonObject("problem").getString("detail")).isEqualTo("language is not valid");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
