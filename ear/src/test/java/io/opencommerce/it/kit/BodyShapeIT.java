package io.opencommerce.it.kit;

import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static io.opencommerce.it.support.Shop.ADDRESSES;
import static io.opencommerce.it.support.Shop.BASKETS;
import static io.opencommerce.it.support.Shop.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Shop;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request body is read only if it has the shape of what the endpoint takes: a valid body wrapped
 * in an array, or a number or a boolean where a text is expected, gets a 400 problem naming what is
 * wrong, and nothing is stored. A numeric query parameter is bounded. What the web container itself
 * refuses is a problem document too, without the container's page or stack trace.
 */
class BodyShapeIT {
  private static String admin;
  private static String customer;
  private static String kettle;

  @BeforeAll
  static void shop() {
    admin = Platform.admin().accessToken();
    customer = Platform.registerAndLogin("shape").accessToken();
    kettle = Shop.product(admin, "Shape kettle", "30.00", 5);
    Shop.address(customer, "Shape Tester"); // the book is open
  }

  private static List<String> fields(JsonObject problem) {
    return problem.getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }

  @Test
  void aValidBodyInsideAnArrayIsRefusedAndStoresNothing() {
    String address =
        "{\"recipient\":\"In an array\",\"line1\":\"1 rue X\",\"postalCode\":\"75001\","
            + "\"city\":\"Paris\",\"country\":\"FR\"}";
    post(ADDRESSES + "/addresses", "[" + address + "]", customer)
        .assertProblem(400, "malformed-json");
    assertThat(get(ADDRESSES + "/addresses", customer).json().getJsonNumber("total").longValue())
        .isEqualTo(1);

    String sku = "SHAPE-" + UUID.randomUUID().toString().substring(0, 8);
    String product =
        "{\"sku\":\"" + sku + "\",\"name\":\"Arrayed\",\"price\":1.00,\"currency\":\"EUR\"}";
    post(PRODUCTS + "/products", "[" + product + "]", admin).assertProblem(400, "malformed-json");
    assertThat(get(PRODUCTS + "/products?q=Arrayed", null).body()).doesNotContain(sku);

    send("PUT", BASKETS + "/basket/items/" + kettle, "[{\"quantity\":1}]", customer)
        .assertProblem(400, "malformed-json");
    assertThat(get(BASKETS + "/basket", customer).json().getJsonArray("lines")).isEmpty();
  }

  @Test
  void numbersAndBooleansAreNotTakenForTextAndEachIsNamed() {
    var refused =
        post(
                ADDRESSES + "/addresses",
                "{\"recipient\":true,\"line1\":-1,\"postalCode\":\"75001\",\"city\":\"Paris\","
                    + "\"country\":\"FR\",\"defaultBilling\":\"yes\"}",
                customer)
            .assertProblem(400, "validation-failed");
    assertThat(fields(refused.json()))
        .containsExactly("body.defaultBilling", "body.line1", "body.recipient");
    assertThat(get(ADDRESSES + "/addresses", customer).json().getJsonNumber("total").longValue())
        .isEqualTo(1);

    String sku = "SHAPE-" + UUID.randomUUID().toString().substring(0, 8);
    var product =
        post(
                PRODUCTS + "/products",
                "{\"sku\":\""
                    + sku
                    + "\",\"name\":\"Typed\",\"price\":1.00,\"currency\":\"EUR\","
                    + "\"attributes\":{\"colour\":3}}",
                admin)
            .assertProblem(400, "validation-failed");
    assertThat(fields(product.json())).containsExactly("body.attributes.colour");
  }

  @Test
  void aPriceFilterBeyondAnyPriceIsRefusedByName() {
    var refused =
        get(PRODUCTS + "/products?minPrice=1E999999999", null)
            .assertProblem(400, "validation-failed");
    assertThat(fields(refused.json())).containsExactly("query.minPrice");
    get(PRODUCTS + "/products?maxPrice=99999999999999", null)
        .assertProblem(400, "validation-failed");
  }

  @Test
  void aPathTheContainerRefusesIsAProblemWithoutAStackTrace() {
    for (String service : List.of(BASKETS, PRODUCTS, ADDRESSES)) {
      var refused =
          get(service + "/..%2F..%2Fsomething", customer).assertProblem(400, "bad-request");
      assertThat(refused.body()).doesNotContain("CWWWC", "java.", "<html");
    }
    get(BASKETS.replace("/api", "") + "/platform-error", null).assertProblem(404, "not-found");
  }
}
