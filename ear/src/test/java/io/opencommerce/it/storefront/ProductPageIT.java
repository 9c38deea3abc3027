package io.opencommerce.it.storefront;

import static io.opencommerce.it.storefront.Storefront.present;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import io.opencommerce.questions.client.EntryRequest;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product page: the product, its availability and its FAQ in one answer, public and cacheable
 * with a strong entity tag from its content; an unknown product is no page.
 */
class ProductPageIT {
  private static final String QUESTIONS = Platform.BASE + "/questions/api";

  private static String admin;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
  }

  /** A published English FAQ entry about {@code productId}, on the default site; its id. */
  private static String faqEntry(String productId, String question) {
    EntryRequest entry =
        new EntryRequest(
            "en",
            "storefront",
            question,
            "Yes, **always**.",
            List.of(),
            UUID.fromString(productId),
            true,
            null);
    Reply created = Platform.post(QUESTIONS + "/entries", Bodies.json(entry), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  @Test
  void everyPartIsOnThePage() {
    String lamp = Shop.product(admin, "Storefront lamp", "19.90", 4);
    String entry = faqEntry(lamp, "Does the storefront lamp come with a bulb?");

    Reply page = Storefront.get("/product-pages/" + lamp + "?language=en", null);

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("application/json");
    JsonObject body = page.json();
    assertThat(body.getString("productId")).isEqualTo(lamp);
    assertThat(body.getString("language")).isEqualTo("en");
    JsonObject product = present(body, "product");
    assertThat(product.getString("id")).isEqualTo(lamp);
    assertThat(product.getString("name")).isEqualTo("Storefront lamp");
    assertThat(product.getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("19.90");
    JsonObject availability = present(body, "availability");
    assertThat(availability.getInt("available")).isEqualTo(4);
    assertThat(availability.getBoolean("inStock")).isTrue();
    JsonObject faq = present(body, "faq");
    assertThat(faq.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(item -> item.getString("id"))
        .containsExactly(entry);
    assertThat(faq.getJsonArray("items").getJsonObject(0).getString("answerHtml"))
        .contains("<strong>always</strong>");

    assertThat(page.header("ETag")).matches("\"[A-Za-z0-9_-]+\"");
    assertThat(page.header("Cache-Control")).contains("public").contains("max-age=");
  }

  @Test
  void theSiteLanguageIsTheDefaultAndTheFaqIsPerLanguage() {
    String kettle = Shop.product(admin, "Storefront kettle", "39.00", 2);
    faqEntry(kettle, "Is the storefront kettle cordless?");

    Reply english = Storefront.get("/product-pages/" + kettle, null);
    Reply french = Storefront.get("/product-pages/" + kettle + "?language=fr", null);

    assertThat(english.status()).as(english.body()).isEqualTo(200);
    assertThat(english.json().getString("language")).isEqualTo("en");
    assertThat(present(english.json(), "faq").getJsonArray("items")).hasSize(1);
    assertThat(french.status()).as(french.body()).isEqualTo(200);
    assertThat(present(french.json(), "faq").getJsonArray("items")).isEmpty();
  }

  @Test
  void aPageNotChangedSinceIsA304() {
    String mug = Shop.product(admin, "Storefront mug", "9.50", 10);
    Reply first = Storefront.get("/product-pages/" + mug, null);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String etag = first.header("ETag");
    assertThat(etag).isNotNull();

    Reply again = Storefront.get("/product-pages/" + mug, null, "If-None-Match", etag);

    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.header("ETag")).isEqualTo(etag);
    Reply other = Storefront.get("/product-pages/" + mug, null, "If-None-Match", "\"other\"");
    assertThat(other.status()).isEqualTo(200);
  }

  @Test
  void anUnknownProductIsNoPage() {
    Storefront.get("/product-pages/" + UUID.randomUUID(), null).assertProblem(404, "not-found");
  }

  @Test
  void aLanguageThatIsNoLanguageTagIsRefused() {
    String cup = Shop.product(admin, "Storefront cup", "4.00", 1);

    Reply refused = Storefront.get("/product-pages/" + cup + "?language=EN_gb!", null);

    refused.assertProblem(400, null);
    assertThat(refused.body()).contains("query.language");
  }
}
