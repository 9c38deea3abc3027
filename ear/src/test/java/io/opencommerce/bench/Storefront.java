package io.opencommerce.bench;

import io.opencommerce.bench.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * What the benchmark does to set up and check, over the public REST API: accounts and their tokens,
 * address books, the catalog and its stock, baskets and checkout requests.
 */
final class Storefront {
  static final String AUTH = "/auth/api";
  static final String PRODUCTS = "/products/api";
  static final String BASKETS = "/baskets/api";
  static final String ADDRESSES = "/addresses/api";
  static final String ORDERS = "/orders/api";
  static final String DELIVERIES = "/deliveries/api";

  /** Every benchmark customer's password (the policy wants letters and non-letters, 10+). */
  private static final String PASSWORD = "Quiet-Meadow-Lantern-77";

  /** How long to wait for what an event brings about (an address book, a product in baskets). */
  private static final Duration EVENTUAL = Duration.ofSeconds(30);

  private final Api api;

  Storefront(Api api) {
    this.api = api;
  }

  /** A signed-in account; its tokens are replaced when they get old (access tokens last 15 min). */
  static final class Account {
    final String email;
    final String password;
    private volatile String accessToken;
    private volatile String refreshToken;
    private volatile long issuedAt;
    private volatile String addressId;

    private Account(String email, String password) {
      this.email = email;
      this.password = password;
    }

    String token() {
      return accessToken;
    }

    String addressId() {
      return addressId;
    }

    private void tokens(JsonObject tokens) {
      accessToken = tokens.getString("accessToken");
      refreshToken = tokens.getString("refreshToken");
      issuedAt = System.nanoTime();
    }
  }

  Account signIn(String email, String password) {
    Account account = new Account(email, password);
    account.tokens(api.call(login(email, password), 200).json());
    return account;
  }

  /** Registers a customer, signs them in and adds a Paris address to their book. */
  Account newCustomer(String email, String name) {
    String body =
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", PASSWORD)
            .add("displayName", name)
            .build()
            .toString();
    api.call(api.send("POST", AUTH + "/users", body, null), 201);
    Account customer = new Account(email, PASSWORD);
    customer.tokens(api.call(login(email, PASSWORD), 200).json());
    customer.addressId = address(customer, name);
    return customer;
  }

  private HttpRequest login(String email, String password) {
    String body =
        Json.createObjectBuilder().add("email", email).add("password", password).build().toString();
    return api.send("POST", AUTH + "/sessions", body, null);
  }

  /**
   * Renews the account's tokens if they are older than {@code age}: refreshed, or signed in again.
   */
  void freshen(Account account, Duration age) {
    if (System.nanoTime() - account.issuedAt < age.toNanos()) {
      return;
    }
    String body =
        Json.createObjectBuilder().add("refreshToken", account.refreshToken).build().toString();
    try {
      account.tokens(
          api.call(api.send("POST", AUTH + "/sessions/refresh", body, null), 200).json());
    } catch (IllegalStateException refused) {
      account.tokens(api.call(login(account.email, account.password), 200).json());
    }
  }

  /**
   * The address book opens when the registration event arrives: retry until it takes the address.
   */
  private String address(Account customer, String recipient) {
    String body =
        Json.createObjectBuilder()
            .add("recipient", recipient)
            .add("line1", "8 rue de la Paix")
            .add("postalCode", "75002")
            .add("city", "Paris")
            .add("country", "FR")
            .build()
            .toString();
    Answer created =
        eventually(
            () -> api.exchange(api.send("POST", ADDRESSES + "/addresses", body, customer.token())),
            201,
            "the address book of " + customer.email);
    return created.json().getString("id");
  }

  String category(String admin, String slug, String name) {
    String body = Json.createObjectBuilder().add("slug", slug).add("name", name).build().toString();
    return api.call(api.send("POST", PRODUCTS + "/categories", body, admin), 201)
        .json()
        .getString("id");
  }

  /** A new active product in EUR with {@code onHand} units; returns its id. */
  String product(
      String admin,
      String sku,
      String name,
      String description,
      String categoryId,
      String price,
      int onHand) {
    var body =
        Json.createObjectBuilder()
            .add("sku", sku)
            .add("name", name)
            .add("description", description)
            .add("price", new BigDecimal(price))
            .add("currency", "EUR");
    if (categoryId != null) {
      body.add("categoryId", categoryId);
    }
    String id =
        api.call(api.send("POST", PRODUCTS + "/products", body.build().toString(), admin), 201)
            .json()
            .getString("id");
    api.call(
        api.send(
            "PUT", PRODUCTS + "/products/" + id + "/stock", "{\"onHand\":" + onHand + "}", admin),
        200);
    return id;
  }

  /** {on hand, reserved}, as an administrator sees them. */
  int[] stock(String admin, String productId) {
    JsonObject stock =
        api.call(api.get(PRODUCTS + "/products/" + productId + "/stock", admin), 200).json();
    return new int[] {stock.getInt("onHand"), stock.getInt("reserved")};
  }

  HttpRequest putInBasketRequest(Account customer, String productId, int quantity) {
    return api.send(
        "PUT",
        BASKETS + "/basket/items/" + productId,
        "{\"quantity\":" + quantity + "}",
        customer.token());
  }

  /**
   * Sets a basket line. Baskets learn about products from events, so a product created a moment ago
   * may still be unknown there (404): that is retried for a while.
   */
  void putInBasket(Account customer, String productId, int quantity) {
    eventually(
        () -> api.exchange(putInBasketRequest(customer, productId, quantity)),
        200,
        "product " + productId + " in the basket of " + customer.email);
  }

  void clearBasket(Account customer) {
    api.call(api.send("DELETE", BASKETS + "/basket/items", null, customer.token()), 200);
  }

  HttpRequest checkout(Account customer, String idempotencyKey) {
    String body =
        Json.createObjectBuilder()
            .add("shippingAddressId", customer.addressId())
            .build()
            .toString();
    return api.to(ORDERS + "/orders")
        .header("Authorization", "Bearer " + customer.token())
        .header("Idempotency-Key", idempotencyKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** A request whose answer depends on an event still on its way. */
  @FunctionalInterface
  private interface Attempt {
    Answer send() throws Exception;
  }

  /**
   * Repeats the attempt while it answers 404 or 409 (what is not there yet) or the platform sheds
   * it, for up to {@link #EVENTUAL}: the expected answer, or a failure naming the last one.
   */
  private static Answer eventually(Attempt attempt, int expected, String what) {
    long deadline = System.nanoTime() + EVENTUAL.toNanos();
    try {
      while (true) {
        Answer answer = attempt.send();
        boolean notYet = answer.status() == 404 || answer.status() == 409 || answer.isShed();
        if (answer.status() == expected || !notYet || System.nanoTime() > deadline) {
          if (answer.status() != expected) {
            throw new IllegalStateException(
                "waiting for " + what + ": " + answer.status() + " " + answer.body());
          }
          return answer;
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("waiting for " + what, e);
    }
  }

  /**
   * Runs {@code count} setup tasks on a few threads; the results in order, or the first failure.
   */
  static <T> List<T> inParallel(int threads, int count, IntFunction<T> task)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.apply(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
