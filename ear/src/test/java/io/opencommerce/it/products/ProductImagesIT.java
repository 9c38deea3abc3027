package io.opencommerce.it.products;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Product images through object storage: administrators upload checked images, everyone fetches
 * them from presigned URLs; a wrong type, a disguised file or an oversized upload is refused and
 * stores nothing.
 */
class ProductImagesIT {
  private static final String API = BASE + "/products/api";
  private static final byte[] PNG = png(64);
  private static String admin;
  private static String product;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
    String sku = "IM-" + UUID.randomUUID().toString().substring(0, 13);
    var created =
        post(API + "/products", Bodies.json(Shop.productRequest(sku, "Pictured", "1.00")), admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    product = created.json().getString("id");
  }

  /** A PNG signature followed by {@code size} bytes: enough for the type check, and exact bytes. */
  private static byte[] png(int size) {
    byte[] bytes = new byte[8 + size];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(signature, 0, bytes, 0, 8);
    for (int i = 8; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  private static Reply upload(byte[] body, String contentType, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(API + "/products/" + product + "/images"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Platform.send(request.build());
  }

  private static int imageCount() {
    return get(API + "/products/" + product + "/images", null).raw().body().split("\"id\"").length
        - 1;
  }

  @Test
  void uploadedImagesAreServedFromPresignedUrls() throws Exception {
    Reply uploaded = upload(PNG, "image/png", admin);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    JsonObject image = uploaded.json();
    assertThat(image.getString("contentType")).isEqualTo("image/png");
    assertThat(image.getJsonNumber("size").longValue()).isEqualTo(PNG.length);

    var listed = get(API + "/products/" + product + "/images", null);
    String url =
        listed.raw().body().contains(image.getString("id")) ? image.getString("url") : null;
    assertThat(url).isNotNull();
    HttpResponse<byte[]> fetched =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(Arrays.equals(fetched.body(), PNG)).isTrue();

    assertThat(
            send(
                    "DELETE",
                    API + "/products/" + product + "/images/" + image.getString("id"),
                    null,
                    admin)
                .status())
        .isEqualTo(204);
    assertThat(get(API + "/products/" + product + "/images", null).body())
        .doesNotContain(image.getString("id"));
  }

  @Test
  void badUploadsAreRefusedAndStoreNothing() {
    int before = imageCount();
    upload(PNG, "image/svg+xml", admin).assertProblem(415, "unsupported-image-type");
    upload("<html>not an image</html>".getBytes(StandardCharsets.UTF_8), "image/png", admin)
        .assertProblem(400, "not-an-image");
    upload(PNG, "image/jpeg", admin).assertProblem(400, "image-type-mismatch");
    upload(new byte[0], "image/png", admin).assertProblem(400, "empty-image");
    upload(png(6 * 1024 * 1024), "image/png", admin).assertProblem(413, "payload-too-large");
    upload(PNG, "image/png", Platform.registerAndLogin("no-upload").accessToken())
        .assertProblem(403, "forbidden");
    upload(PNG, "image/png", null).assertProblem(401, null);
    assertThat(imageCount()).isEqualTo(before);
  }

  @Test
  void imagesOfAnUnknownProductAreNotFound() {
    get(API + "/products/" + UUID.randomUUID() + "/images", null).assertProblem(404, "not-found");
  }
}
