package io.opencommerce.it.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import jakarta.json.JsonObject;
import java.util.Map;

/** The storefront API as the suites use it, and what they check of every composed page. */
final class Storefront {
  static final String API = Platform.BASE + "/storefront/api";

  private Storefront() {}

  /** A GET on the storefront with {@code token} as the bearer (null: anonymous). */
  static Reply get(String path, String token) {
    return Platform.get(API + path, token);
  }

  /** A GET with extra headers (see {@link Platform#headers}); the token may be null. */
  static Reply get(String path, String token, String... headers) {
    Map<String, String> all = Platform.headers(headers);
    if (token != null) {
      all.put("Authorization", Platform.bearer(token));
    }
    return Platform.request("GET", API + path, all, null);
  }

  /** The data of a part that must be there: {@code {"status":"ok","data":…}}. */
  static JsonObject present(JsonObject page, String part) {
    JsonObject member = page.getJsonObject(part);
    assertThat(member).as("part %s of %s", part, page).isNotNull();
    assertThat(member.getString("status")).as("part %s of %s", part, page).isEqualTo("ok");
    return member.getJsonObject("data");
  }
}
