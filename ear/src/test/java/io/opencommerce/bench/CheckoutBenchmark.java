package io.opencommerce.bench;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Shop;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures checkout on a running platform and prints a report: a new order (basket read over REST,
 * address check, stock reservation, order, payment step and {@code OrderPlaced} in one
 * transaction), a replayed checkout (same {@code Idempotency-Key}), an order read and the
 * customer's order list. Each worker thread shops as a customer of its own; before every checkout
 * it puts a product back in the basket (not timed), since the last order emptied it.
 *
 * <pre>
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opencommerce.bench.CheckoutBenchmark [-Dbench.threads=8 -Dbench.seconds=15]
 * </pre>
 */
public final class CheckoutBenchmark {
  private CheckoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 15);
    int threads = Integer.getInteger("bench.threads", 8);
    int warmup = Integer.getInteger("bench.warmup", 5);
    int productCount = Integer.getInteger("bench.products", 20);
    String admin = Platform.admin().accessToken();

    List<String> products = new ArrayList<>();
    for (int i = 0; i < productCount; i++) {
      products.add(Shop.product(admin, "Bench item " + i, (5 + i) + ".00", 1_000_000));
    }
    List<Shop.Shopper> shoppers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      shoppers.add(Shop.shopper("bench" + i, products.get(i % productCount), 1));
    }
    AtomicInteger next = new AtomicInteger();
    ThreadLocal<Shop.Shopper> mine =
        ThreadLocal.withInitial(() -> shoppers.get(next.getAndIncrement() % shoppers.size()));

    System.out.printf(
        "Checkout benchmark against %s: %d customers (one per thread), %d products,"
            + " %d s per phase after %d s of warm-up%n",
        Platform.BASE, threads, productCount, seconds, warmup);
    LoadRunner.report(
        "checkout (POST /orders, a new Idempotency-Key each time)",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i -> {
              Shop.Shopper shopper = mine.get();
              Shop.putInBasket(shopper.token(), products.get(i % productCount), 1);
              return checkout(shopper, "bench-" + UUID.randomUUID());
            }));

    Shop.Shopper first = shoppers.get(0);
    Shop.putInBasket(first.token(), products.get(0), 1);
    String key = "bench-replay-" + UUID.randomUUID();
    String orderId = Platform.send(checkout(first, key)).json().getString("id");
    LoadRunner.report(
        "replayed checkout (the same Idempotency-Key → 200, the same order)",
        LoadRunner.measure(threads, warmup, seconds, i -> checkout(first, key)));
    LoadRunner.report(
        "order read (GET /orders/{id})",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i -> authorized(Shop.ORDERS + "/orders/" + orderId, first.token())));
    LoadRunner.report(
        "the customer's orders (GET /orders, 20 per page)",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i -> authorized(Shop.ORDERS + "/orders?limit=20", mine.get().token())));
  }

  private static HttpRequest checkout(Shop.Shopper shopper, String key) {
    return HttpRequest.newBuilder(URI.create(Shop.ORDERS + "/orders"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + shopper.token())
        .header("Idempotency-Key", key)
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"shippingAddressId\":\"" + shopper.addressId() + "\"}"))
        .build();
  }

  private static HttpRequest authorized(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }
}
