package io.opencommerce.storefront.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ComposedPageTest {
  private static JsonObject read(ComposedPage page) {
    return Json.createReader(new StringReader(page.toString())).readObject();
  }

  @Test
  void partsAreWrittenInOrderAsOkOrUnavailable() {
    ComposedPage page =
        ComposedPage.builder()
            .field("orderId", "o-1")
            .part("order", Part.of("{\"number\":\"OC-1\"}"))
            .part("shipment", Part.unavailable(Unavailable.unreachable("deliveries")))
            .part("note", Part.absent())
            .build();

    assertThat(page.toString())
        .startsWith("{\"orderId\":\"o-1\",\"order\":{\"status\":\"ok\",\"data\":{\"number\"");
    JsonObject body = read(page);
    assertThat(body.getJsonObject("order").getJsonObject("data").getString("number"))
        .isEqualTo("OC-1");
    assertThat(body.getJsonObject("note").get("data")).isEqualTo(JsonValue.NULL);
    JsonObject shipment = body.getJsonObject("shipment");
    assertThat(shipment.getString("status")).isEqualTo("unavailable");
    JsonObject problem = shipment.getJsonObject("problem");
    assertThat(problem.getString("type"))
        .isEqualTo("https://opencommerce.io/problems/upstream-unavailable");
    assertThat(problem.getString("title")).isEqualTo("Service unavailable");
    assertThat(problem.getInt("status")).isEqualTo(503);
    assertThat(problem.getString("detail")).contains("deliveries");
    assertThat(problem.getString("service")).isEqualTo("deliveries");
    assertThat(page.complete()).isFalse();
    assertThat(page.part("shipment").available()).isFalse();
  }

  @Test
  void textIsEscaped() {
    String tricky = "say \"hi\"\\ \n\t\u0001 \u2028 été";
    ComposedPage page =
        ComposedPage.builder()
            .field("note", tricky)
            .part(
                "faq",
                Part.unavailable(
                    Unavailable.refused("questions", 400, "validation-failed", null, tricky)))
            .build();

    JsonObject body = read(page);
    assertThat(body.getString("note")).isEqualTo(tricky);
    assertThat(body.getJsonObject("faq").getJsonObject("problem").getString("detail"))
        .isEqualTo(tricky);
    assertThat(body.getJsonObject("faq").getJsonObject("problem").getString("title"))
        .isEqualTo("Refused");
  }

  @Test
  void theEntityTagIsTheContentsDigest() {
    ComposedPage one = ComposedPage.builder().part("a", Part.of("{\"n\":1}")).build();
    ComposedPage same = ComposedPage.builder().part("a", Part.of("{\"n\":1}")).build();
    ComposedPage other = ComposedPage.builder().part("a", Part.of("{\"n\":2}")).build();

    assertThat(one.etag()).isEqualTo(same.etag()).hasSize(22).matches("[A-Za-z0-9_-]+");
    assertThat(other.etag()).isNotEqualTo(one.etag());
    assertThat(one.complete()).isTrue();
  }

  @Test
  void aPartNameIsUsedOnce() {
    ComposedPage.Builder builder = ComposedPage.builder().part("a", Part.absent());

    assertThatThrownBy(() -> builder.part("a", Part.absent()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
