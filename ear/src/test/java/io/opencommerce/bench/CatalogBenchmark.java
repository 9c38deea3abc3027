package io.opencommerce.bench;

import io.opencommerce.it.support.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Measures the catalog's read paths on a running platform and prints a report: a product read
 * served from Redis, the same read revalidated with {@code If-None-Match} (304), a filtered and
 * sorted listing, and a full-text search.
 *
 * <pre>
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opencommerce.bench.CatalogBenchmark [-Dbench.products=200 -Dbench.seconds=15]
 * </pre>
 */
public final class CatalogBenchmark {
  private static final String API = Platform.BASE + "/products/api";

  private CatalogBenchmark() {}

  public static void main(String[] args) throws Exception {
    int products = Integer.getInteger("bench.products", 200);
    int seconds = Integer.getInteger("bench.seconds", 15);
    int threads = Integer.getInteger("bench.threads", 16);
    int warmup = Integer.getInteger("bench.warmup", 5);
    String admin = Platform.admin().accessToken();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String category = "bench-" + run;
    var created =
        Platform.post(
            API + "/categories", "{\"slug\":\"" + category + "\",\"name\":\"Bench\"}", admin);
    String categoryId = created.json().getString("id");
    List<String> ids = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < products; i++) {
      var product =
          Platform.post(
              API + "/products",
              "{\"sku\":\"BENCH-"
                  + run
                  + "-"
                  + i
                  + "\",\"name\":\"Bench item "
                  + i
                  + "\",\"description\":\"benchword"
                  + run.replaceAll("[^a-z]", "q")
                  + " sample\",\"categoryId\":\""
                  + categoryId
                  + "\",\"price\":"
                  + (1 + i % 50)
                  + ".00,\"currency\":\"EUR\"}",
              admin);
      ids.add(product.json().getString("id"));
      tags.add(
          Platform.get(API + "/products/" + ids.get(i), null)
              .raw()
              .headers()
              .firstValue("ETag")
              .orElseThrow());
    }
    System.out.printf(
        "Catalog benchmark against %s: %d products, %d threads, %d s per phase after %d s of warm-up%n",
        Platform.BASE, products, threads, seconds, warmup);
    LoadRunner.report(
        "product read (GET /products/{id}, from Redis)",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i ->
                HttpRequest.newBuilder(URI.create(API + "/products/" + ids.get(i % ids.size())))
                    .GET()
                    .build()));
    LoadRunner.report(
        "revalidated product read (If-None-Match → 304)",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i ->
                HttpRequest.newBuilder(URI.create(API + "/products/" + ids.get(i % ids.size())))
                    .header("If-None-Match", tags.get(i % tags.size()))
                    .GET()
                    .build()));
    LoadRunner.report(
        "listing (category, price range, sorted by price, 20 per page)",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i ->
                HttpRequest.newBuilder(
                        URI.create(
                            API
                                + "/products?category="
                                + category
                                + "&minPrice=5&maxPrice=40&sort=price&offset="
                                + (i % 5) * 20))
                    .GET()
                    .build()));
    LoadRunner.report(
        "full-text search (GET /products?q=)",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i ->
                HttpRequest.newBuilder(
                        URI.create(API + "/products?q=benchword" + run.replaceAll("[^a-z]", "q")))
                    .GET()
                    .build()));
  }
}
