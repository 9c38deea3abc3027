package io.opencommerce.bench;

import static io.opencommerce.bench.Storefront.BASKETS;
import static io.opencommerce.bench.Storefront.DELIVERIES;
import static io.opencommerce.bench.Storefront.ORDERS;
import static io.opencommerce.bench.Storefront.PRODUCTS;

import io.opencommerce.bench.Api.Answer;
import io.opencommerce.bench.Load.Burst;
import io.opencommerce.bench.Load.Result;
import io.opencommerce.bench.Load.VirtualUser;
import io.opencommerce.bench.Storefront.Account;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One program that proves the platform's read and checkout paths under load, on a running platform
 * over loopback, and prints one markdown table: throughput, latency percentiles and errors of each
 * scenario, and its throughput as a share of a trivial JAX-RS GET's measured in the same run at the
 * same concurrency — plus the checks (no stock oversold or left held, racing buyers get exactly the
 * units there are, one {@code Idempotency-Key} makes one order), the machine and the server's
 * memory.
 *
 * <p>The trivial endpoint ships in no service: the benchmark deploys {@link BenchProbe} as {@code
 * dropins/bench-probe.war} for the length of the run. Every customer is registered for the run
 * ({@code bench-<run>-<n>@example.test}), with a token of their own.
 *
 * <pre>
 * liberty-config/local/platform up
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opencommerce.bench.PlatformBenchmark
 * </pre>
 *
 * Options ({@code -D…}): {@code bench.url} (http://localhost:9080; loopback only), {@code
 * bench.seconds} (10, measured per phase), {@code bench.warmup} (3), {@code bench.concurrency} (32,
 * the read scenarios), {@code bench.checkout.concurrency} (16,64,256), {@code bench.products}
 * (100), {@code bench.server.name} (platform), {@code bench.pid} (found in {@code /proc}
 * otherwise), {@code bench.server.dir} (the process's working directory otherwise), {@code
 * bench.dropins} ({@code <server dir>/dropins/bench-probe.war}), {@code bench.log} ({@code <server
 * dir>/logs/messages.log}), {@code bench.scenarios} (all, or some of reads, basket, checkout,
 * orders, race, replay, shipments, support, faq, storefront).
 */
public final class PlatformBenchmark {
  private static final String ADMIN_EMAIL = "admin@opencommerce.local";
  private static final String ADMIN_PASSWORD =
      System.getProperty("platform.admin.password", "Demo-Operator-2026!");
  private static final int SETUP_THREADS = 4;
  private static final int STOCK = 100_000;
  private static final int READ_CUSTOMERS = 200;
  private static final int RACE_BUYERS = 200;
  private static final int RACE_UNITS = 20;

  /** Support and FAQ: 64 simultaneous customers, each with a token of their own. */
  private static final int SUPPORT_CUSTOMERS = 64;

  private static final int FAQ_ENTRIES = 20;
  private static final String SAV = "/sav/api";
  private static final String QUESTIONS = "/questions/api";
  private static final String STOREFRONT = "/storefront/api";
  private static final int RACE_CONCURRENCY = 64;
  private static final int REPLAYS = 50;
  private static final int SHIPMENT_SAMPLES = 50;
  private static final Duration PROBE_START = Duration.ofSeconds(20);
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
  private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo"};
  private static final String[] SORTS = {"name", "price", "-price", "newest"};

  private final Api api;
  private final Storefront shop;
  private final Report report = new Report();
  private final Duration warmup;
  private final Duration measured;
  private final int concurrency;
  private final List<Integer> checkoutConcurrency;
  private final int productCount;
  private final Duration tokenRenewal;

  /** Lower-case letters only: it goes into e-mails, SKUs, slugs and full-text search words. */
  private final String run = randomLetters(6);

  private Account admin;
  private final List<String> categorySlugs = new ArrayList<>();
  private final List<String> searchWords = new ArrayList<>();
  private final List<String> products = new ArrayList<>();
  private String raceProduct;
  private List<Account> customers;
  private Account replayCustomer;
  private String trivialPath = ProbeDeployment.PATH;
  private final Map<Integer, Double> trivial = new HashMap<>();
  private final List<Placed> shipmentSamples = new CopyOnWriteArrayList<>();

  /**
   * An order a checkout answered 201 for: when the answer arrived, and when the server placed it.
   */
  private record Placed(String orderId, Account customer, Instant answeredAt, Instant placedAt) {}

  private PlatformBenchmark() {
    api =
        new Api(
            System.getProperty(
                "bench.url", System.getProperty("platform.url", "http://localhost:9080")));
    shop = new Storefront(api);
    measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
    concurrency = Integer.getInteger("bench.concurrency", 32);
    checkoutConcurrency =
        Arrays.stream(System.getProperty("bench.checkout.concurrency", "16,64,256").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .sorted()
            .toList();
    productCount = Math.max(4, Integer.getInteger("bench.products", 100));
    // Renew tokens before a phase once they could expire during it (1 minute to spare).
    tokenRenewal = TOKEN_LIFETIME.minus(warmup).minus(measured).minusMinutes(1);
    if (tokenRenewal.isNegative() || tokenRenewal.isZero()) {
      throw new IllegalArgumentException("a phase must last well under the 15-minute token life");
    }
  }

  public static void main(String[] args) throws Exception {
    new PlatformBenchmark().run();
  }

  private void run() throws Exception {
    String serverName = System.getProperty("bench.server.name", "platform");
    LocalServer server =
        LocalServer.find(serverName, Long.getLong("bench.pid"), path("bench.server.dir", null));
    Path war = path("bench.dropins", server.directory().resolve("dropins/bench-probe.war"));
    Path log = path("bench.log", server.directory().resolve("logs/messages.log"));
    String rssBefore = server.rss();
    System.out.printf(
        "Platform benchmark, run %s, against %s: %d s per phase after %d s of warm-up%n",
        run, api.base(), measured.toSeconds(), warmup.toSeconds());
    requirePlatform();

    ProbeDeployment probe = null;
    try (ServerLog serverLog = ServerLog.follow(log)) {
      try {
        probe = startProbe(war);
        setUp();
        measure();
      } finally {
        if (probe != null) {
          probe.close();
          if (!ProbeDeployment.gone(api, Duration.ofSeconds(10))) {
            report.note("the probe still answers 10 s after " + war + " was deleted");
          }
        }
      }
      report.note(serverLog.summary());
    }

    String pid = server.pid().map(p -> "pid " + p).orElse("process not found");
    report.print(
        System.out,
        ProbeDeployment.PATH.equals(trivialPath)
            ? "ratio to trivial"
            : "ratio to GET " + trivialPath,
        List.of(
            "## Platform benchmark, "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atOffset(ZoneOffset.UTC))
                + " (run "
                + run
                + ", "
                + api.base()
                + ")",
            "",
            "Machine: " + LocalServer.machine() + "; the load generator runs on it too.",
            "Each phase: "
                + warmup.toSeconds()
                + " s of warm-up, then "
                + measured.toSeconds()
                + " s measured. requests/s and latencies count the expected answers only;"
                + " errors counts the others (503 with Retry-After apart, as shed). Ratio: the"
                + " scenario's requests/s over the trivial endpoint's at the same concurrency,"
                + " in this run."),
        List.of(
            "Server RSS ("
                + pid
                + "): "
                + rssBefore
                + " before the run, "
                + server.rss()
                + " after."));
    if (report.failed()) {
      throw new IllegalStateException("Some checks failed: see the FAIL lines above.");
    }
  }

  private static Path path(String property, Path fallback) {
    String value = System.getProperty(property);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }

  private void requirePlatform() {
    try {
      if (api.exchange(api.get("/auth/api/jwks", null)).status() == 200) {
        return;
      }
    } catch (IOException e) {
      // answered below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException(
        "No platform answers at "
            + api.base()
            + ": start it with liberty-config/local/platform up (or set -Dbench.url)");
  }

  /**
   * Deploys the trivial endpoint; if the server does not start it, the ratios are taken against the
   * public key set instead, and the table says so.
   */
  private ProbeDeployment startProbe(Path war) throws InterruptedException {
    ProbeDeployment probe = null;
    String problem;
    try {
      probe = ProbeDeployment.deploy(war);
      if (ProbeDeployment.answers(api, PROBE_START)) {
        System.out.println("Trivial endpoint deployed: " + war);
        return probe;
      }
      problem = "GET " + ProbeDeployment.PATH + " did not answer 200 within 20 s of writing " + war;
    } catch (IOException e) {
      problem = "could not write " + war + " (" + e.getMessage() + ")";
    }
    trivialPath = "/auth/api/jwks";
    String message =
        "The trivial endpoint is not available: "
            + problem
            + ". Liberty starts WARs from dropins/ when the server has <applicationMonitor"
            + " dropinsEnabled=\"true\"/> (liberty-config/all-in-one/server.xml has it) and"
            + " -Dbench.dropins names that server's dropins folder; messages.log says why an"
            + " application did not start (CWWKZ…). Ratios are against GET /auth/api/jwks"
            + " instead.";
    System.out.println(message);
    report.note(message);
    return probe;
  }

  // ---------------------------------------------------------------------------------------------
  // Set-up: a catalog and customers of this run's own

  private void setUp() throws InterruptedException {
    long start = System.nanoTime();
    admin = shop.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    List<String> categoryIds = new ArrayList<>();
    for (String kind : List.of("tea", "coffee")) {
      String slug = "bench-" + run + "-" + kind;
      categoryIds.add(shop.category(admin.token(), slug, "Bench " + kind + " " + run));
      categorySlugs.add(slug);
    }
    for (String word : WORDS) {
      searchWords.add(run + word);
    }
    products.addAll(
        Storefront.inParallel(
            SETUP_THREADS,
            productCount,
            i ->
                shop.product(
                    admin.token(),
                    "BENCH-" + run.toUpperCase() + "-" + i,
                    "Bench " + WORDS[i % WORDS.length] + " " + i,
                    "A benchmark item with "
                        + searchWords.get(i % WORDS.length)
                        + " and "
                        + searchWords.get((i + 2) % WORDS.length)
                        + " notes.",
                    categoryIds.get(i % categoryIds.size()),
                    (5 + i % 40) + ".00",
                    STOCK)));
    raceProduct =
        shop.product(
            admin.token(),
            "BENCH-" + run.toUpperCase() + "-RACE",
            "Bench race item",
            "Only a few of these.",
            null,
            "25.00",
            RACE_UNITS);

    int count =
        Math.max(
            Math.max(READ_CUSTOMERS, RACE_BUYERS),
            checkoutConcurrency.get(checkoutConcurrency.size() - 1));
    System.out.printf(
        "Registering %d customers (%d threads; password hashing takes a while)…%n",
        count + 1, SETUP_THREADS);
    List<Account> registered =
        Storefront.inParallel(
            SETUP_THREADS,
            count + 1,
            n ->
                shop.newCustomer(
                    "bench-" + run + "-" + n + "@example.test", "Bench customer " + n));
    customers = List.copyOf(registered.subList(0, count));
    replayCustomer = registered.get(count);

    if (wanted("faq")) {
      // Published FAQ entries of the run, each answer holding two of the run's search words.
      Storefront.inParallel(
          SETUP_THREADS,
          FAQ_ENTRIES,
          i ->
              api.call(
                  api.send(
                      "POST",
                      QUESTIONS + "/entries",
                      """
                      {"language":"en","category":"bench-%s","question":"How does %s work?",\
                      "answer":"It works with **%s** and %s, as the guide explains.",\
                      "published":true}"""
                          .formatted(
                              run,
                              searchWords.get(i % WORDS.length),
                              searchWords.get(i % WORDS.length),
                              searchWords.get((i + 2) % WORDS.length)),
                      admin.token()),
                  201));
    }

    // Each reading customer has 2 or 3 of their own 4 products in the basket.
    Storefront.inParallel(
        SETUP_THREADS,
        READ_CUSTOMERS,
        n -> {
          List<String> own = ownProducts(n);
          for (int k = 0; k < 2 + n % 2; k++) {
            shop.putInBasket(customers.get(n), own.get(k), 1);
          }
          return null;
        });
    System.out.printf(
        "Set up in %d s: %d products (+1 with %d units), %d customers with an address%n",
        Duration.ofNanos(System.nanoTime() - start).toSeconds(),
        products.size(),
        RACE_UNITS,
        registered.size());
  }

  /** Four products of a customer's own: what their basket holds and what they add. */
  private List<String> ownProducts(int customer) {
    int step = products.size() / 4;
    List<String> own = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      own.add(products.get((customer + k * step) % products.size()));
    }
    return own;
  }

  // ---------------------------------------------------------------------------------------------
  // The scenarios

  private void measure() throws InterruptedException {
    boolean probe = ProbeDeployment.PATH.equals(trivialPath);
    String trivialName =
        probe ? "trivial JAX-RS GET (/bench-probe/hello)" : "GET /auth/api/jwks (as trivial)";
    Set<Integer> levels = new LinkedHashSet<>();
    levels.add(concurrency);
    levels.addAll(checkoutConcurrency);
    if (wanted("support") || wanted("faq") || wanted("storefront")) {
      levels.add(SUPPORT_CUSTOMERS);
    }
    for (int level : levels) {
      Result result = load(trivialName, level, ok(200), anyone(() -> api.get(trivialPath, null)));
      trivial.put(level, result.perSecond());
      report.add(result, result.perSecond());
    }

    if (wanted("reads")) {
      reads();
    }
    if (wanted("basket")) {
      basket();
    }
    int highest = checkoutConcurrency.get(checkoutConcurrency.size() - 1);
    int sampled = checkoutConcurrency.get(checkoutConcurrency.size() / 2);
    if (wanted("checkout")) {
      for (int level : checkoutConcurrency) {
        checkout(level, level == highest, level == sampled);
      }
    }
    if (wanted("orders")) {
      orders();
    }
    if (wanted("race")) {
      race();
    }
    if (wanted("replay")) {
      replays();
    }
    if (wanted("checkout") && wanted("shipments")) {
      shipments(sampled);
    }
    if (wanted("support")) {
      support();
    }
    if (wanted("faq")) {
      faq();
    }
    if (wanted("storefront")) {
      storefront();
    }
  }

  /**
   * Whether {@code -Dbench.scenarios} (a comma-separated list; all by default) names a scenario.
   */
  private static boolean wanted(String scenario) {
    String chosen = System.getProperty("bench.scenarios", "");
    return chosen.isBlank() || Arrays.asList(chosen.split(",")).contains(scenario);
  }

  private void reads() throws InterruptedException {
    phase(
        "product by id (GET /products/{id}, " + products.size() + " products)",
        concurrency,
        ok(200),
        anyone(() -> api.get(PRODUCTS + "/products/" + any(products), null)));
    List<String> listings = new ArrayList<>();
    for (String slug : categorySlugs) {
      for (String sort : SORTS) {
        listings.add(PRODUCTS + "/products?category=" + slug + "&sort=" + sort + "&limit=20");
      }
    }
    phase(
        "product list (category, sorted, 20 per page; " + listings.size() + " variations)",
        concurrency,
        ok(200),
        anyone(() -> api.get(any(listings), null)));
    phase(
        "search (GET /products?q=, " + searchWords.size() + " words)",
        concurrency,
        ok(200),
        anyone(() -> api.get(PRODUCTS + "/products?q=" + any(searchWords), null)));
  }

  private void basket() throws InterruptedException {
    phase(
        "basket (GET /basket), " + READ_CUSTOMERS + " customers",
        concurrency,
        ok(200),
        eachCustomer(
            READ_CUSTOMERS,
            (n, meter) -> meter.send(api.get(BASKETS + "/basket", customers.get(n).token()))));
    phase(
        "basket add (PUT /basket/items/{id}), " + READ_CUSTOMERS + " customers",
        concurrency,
        ok(200),
        eachCustomer(
            READ_CUSTOMERS,
            (n, meter) -> {
              int quantity = 1 + ThreadLocalRandom.current().nextInt(3);
              meter.send(shop.putInBasketRequest(customers.get(n), any(ownProducts(n)), quantity));
            }));
  }

  private void orders() throws InterruptedException {
    phase(
        "orders (GET /orders, 20 per page), " + READ_CUSTOMERS + " customers",
        concurrency,
        ok(200),
        eachCustomer(
            READ_CUSTOMERS,
            (n, meter) ->
                meter.send(api.get(ORDERS + "/orders?limit=20", customers.get(n).token()))));
  }

  /**
   * Support tickets: each of 64 customers opens tickets (assigned at once to the least-loaded
   * available agent, the event in the same transaction), then lists their own.
   */
  private void support() throws InterruptedException {
    phase(
        "open a ticket (POST /sav/api/tickets), " + SUPPORT_CUSTOMERS + " customers",
        SUPPORT_CUSTOMERS,
        ok(201),
        eachCustomer(
            SUPPORT_CUSTOMERS,
            (n, meter) ->
                meter.send(
                    api.send(
                        "POST",
                        SAV + "/tickets",
                        "{\"subject\":\"Bench "
                            + run
                            + "\",\"category\":\"delivery\",\"message\":\"Where is my"
                            + " parcel?\"}",
                        customers.get(n).token()))));
    phase(
        "my tickets (GET /sav/api/tickets, 20 per page), " + SUPPORT_CUSTOMERS + " customers",
        SUPPORT_CUSTOMERS,
        ok(200),
        eachCustomer(
            SUPPORT_CUSTOMERS,
            (n, meter) ->
                meter.send(api.get(SAV + "/tickets?limit=20", customers.get(n).token()))));
  }

  /** The FAQ: full-text search and the most helpful entries, as anonymous visitors read them. */
  private void faq() throws InterruptedException {
    phase(
        "FAQ search (GET /questions/api/entries/search, " + searchWords.size() + " words)",
        SUPPORT_CUSTOMERS,
        ok(200),
        anyone(
            () -> api.get(QUESTIONS + "/entries/search?language=en&q=" + any(searchWords), null)));
    phase(
        "FAQ most helpful (GET /questions/api/entries/most-helpful)",
        SUPPORT_CUSTOMERS,
        ok(200),
        anyone(() -> api.get(QUESTIONS + "/entries/most-helpful?language=en", null)));
  }

  /**
   * The storefront's composed pages: the product page (product, stock and the product's FAQ
   * entries) as anonymous visitors read it, and each of 64 customers' account overview (profile,
   * addresses, recent orders, open tickets) with their own token.
   */
  private void storefront() throws InterruptedException {
    phase(
        "storefront product page (GET /storefront/api/product-pages/{id}, "
            + products.size()
            + " products)",
        SUPPORT_CUSTOMERS,
        ok(200),
        anyone(() -> api.get(STOREFRONT + "/product-pages/" + any(products), null)));
    phase(
        "storefront account overview (GET /storefront/api/account), "
            + SUPPORT_CUSTOMERS
            + " customers",
        SUPPORT_CUSTOMERS,
        ok(200),
        eachCustomer(
            SUPPORT_CUSTOMERS,
            (n, meter) -> meter.send(api.get(STOREFRONT + "/account", customers.get(n).token()))));
  }

  /** Measures a scenario and adds it to the table, with its ratio to the trivial endpoint. */
  private Result phase(
      String scenario, int users, IntPredicate expected, IntFunction<VirtualUser> virtualUsers)
      throws InterruptedException {
    Result result = load(scenario, users, expected, virtualUsers);
    report.add(result, trivial.get(users));
    return result;
  }

  private Result load(
      String scenario, int users, IntPredicate expected, IntFunction<VirtualUser> virtualUsers)
      throws InterruptedException {
    freshenTokens();
    System.out.printf("%s @%d…%n", scenario, users);
    Result result = Load.run(api, scenario, users, warmup, measured, expected, virtualUsers);
    System.out.printf(
        "  %s req/s, p50 %s ms, p99 %s ms, %d errors%n",
        Report.perSecond(result.perSecond()),
        Report.millis(Samples.percentileMillis(result.micros(), 50)),
        Report.millis(Samples.percentileMillis(result.micros(), 99)),
        result.errors());
    return result;
  }

  /**
   * Checkout, one registered customer per virtual user: put 1 or 2 products in the basket (not
   * measured; not the ones of the last orders, which their {@code OrderPlaced} is about to take out
   * of the basket), then check out with a new key (measured). At the highest concurrency, the stock
   * is checked afterwards against the units the 201 answers sold.
   */
  private void checkout(int users, boolean checkStock, boolean sampleShipments)
      throws InterruptedException {
    Map<String, int[]> before = checkStock ? settledStock() : null;
    Map<String, LongAdder> sold = new ConcurrentHashMap<>();
    AtomicLong orders = new AtomicLong();
    Result result =
        phase(
            "checkout (POST /orders; basket refilled unmeasured)",
            users,
            ok(201),
            w -> {
              Account customer = customers.get(w);
              Deque<Set<String>> recent = new ArrayDeque<>();
              return meter -> {
                Set<String> avoid = new HashSet<>();
                recent.forEach(avoid::addAll);
                for (String product : pick(1 + ThreadLocalRandom.current().nextInt(2), avoid)) {
                  Answer put = api.exchange(shop.putInBasketRequest(customer, product, 1));
                  if (put.status() != 200) {
                    throw new IllegalStateException("basket " + put.describe());
                  }
                }
                Answer answer = meter.send(shop.checkout(customer, "bench-" + UUID.randomUUID()));
                if (answer.status() != 201) {
                  return;
                }
                Instant answeredAt = Instant.now();
                JsonObject order = answer.json();
                orders.incrementAndGet();
                Set<String> bought = new HashSet<>();
                for (JsonValue value : order.getJsonArray("lines")) {
                  JsonObject line = value.asJsonObject();
                  bought.add(line.getString("productId"));
                  sold.computeIfAbsent(line.getString("productId"), p -> new LongAdder())
                      .add(line.getInt("quantity"));
                }
                recent.addFirst(bought);
                if (recent.size() > 3) {
                  recent.removeLast();
                }
                if (sampleShipments
                    && !meter.warmingUp()
                    && shipmentSamples.size() < SHIPMENT_SAMPLES) {
                  shipmentSamples.add(
                      new Placed(
                          order.getString("id"),
                          customer,
                          answeredAt,
                          Instant.parse(order.getString("placedAt"))));
                }
              };
            });
    if (checkStock) {
      long unanswered =
          result.errorKinds().entrySet().stream()
              .filter(kind -> kind.getKey().startsWith("no answer"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      checkStock(users, before, sold, orders.get(), unanswered);
    }
  }

  /** {@code count} distinct random products, none of {@code avoid} while others remain. */
  private List<String> pick(int count, Set<String> avoid) {
    List<String> candidates = new ArrayList<>(products);
    if (candidates.size() - avoid.size() >= count) {
      candidates.removeAll(avoid);
    }
    List<String> picked = new ArrayList<>();
    while (picked.size() < count) {
      String product = any(candidates);
      if (!picked.contains(product)) {
        picked.add(product);
      }
    }
    return picked;
  }

  /** Stock of every product once no unit is held any more (what earlier phases' events do). */
  private Map<String, int[]> settledStock() throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      Map<String, int[]> stock = stockOf(products);
      boolean held = stock.values().stream().anyMatch(level -> level[1] != 0);
      if (!held || System.nanoTime() > deadline) {
        if (held) {
          report.note("units still reserved 60 s after the previous phase; baseline taken anyway");
        }
        return stock;
      }
      Thread.sleep(1_000);
    }
  }

  private Map<String, int[]> stockOf(List<String> ids) throws InterruptedException {
    List<int[]> levels =
        Storefront.inParallel(
            SETUP_THREADS, ids.size(), i -> shop.stock(admin.token(), ids.get(i)));
    Map<String, int[]> stock = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      stock.put(ids.get(i), levels.get(i));
    }
    return stock;
  }

  /**
   * Once the events have settled (up to 60 s), every product's units on hand are what they were
   * less what the 201 answers sold, and none is still reserved.
   */
  private void checkStock(
      int users,
      Map<String, int[]> before,
      Map<String, LongAdder> sold,
      long orders,
      long unanswered)
      throws InterruptedException {
    freshenTokens();
    long start = System.nanoTime();
    List<String> wrong;
    do {
      Map<String, int[]> after = stockOf(products);
      wrong = new ArrayList<>();
      for (String product : products) {
        long units = sold.containsKey(product) ? sold.get(product).sum() : 0;
        long expected = before.get(product)[0] - units;
        int[] now = after.get(product);
        if (now[0] != expected || now[1] != 0) {
          wrong.add(
              String.format(
                  "%s on hand %d (expected %d), reserved %d", product, now[0], expected, now[1]));
        }
      }
      if (wrong.isEmpty()) {
        break;
      }
      Thread.sleep(1_000);
    } while (System.nanoTime() - start < SETTLE.toNanos());
    long units = sold.values().stream().mapToLong(LongAdder::sum).sum();
    String what =
        String.format(
            "stock after %d concurrent checkouts: %,d orders sold %,d units of %d products",
            users, orders, units, products.size());
    report.check(
        wrong.isEmpty(),
        wrong.isEmpty()
            ? what
                + "; on hand = before − sold and nothing reserved, "
                + Duration.ofNanos(System.nanoTime() - start).toSeconds()
                + " s after the phase"
            : what
                + "; after 60 s, "
                + wrong.size()
                + " products differ: "
                + String.join("; ", wrong.subList(0, Math.min(3, wrong.size())))
                + (unanswered == 0
                    ? ""
                    : " ("
                        + unanswered
                        + " measured checkouts got no answer: what they may have"
                        + " sold is not counted)"));
  }

  /**
   * 200 customers, each with the race product (and nothing else) in the basket, check out 64 at a
   * time for its 20 units: exactly 20 orders, 180 refusals, and the stock sold to exactly zero.
   */
  private void race() throws InterruptedException {
    freshenTokens();
    System.out.printf("race: %d buyers for %d units…%n", RACE_BUYERS, RACE_UNITS);
    List<Account> buyers = customers.subList(0, RACE_BUYERS);
    Storefront.inParallel(
        SETUP_THREADS,
        buyers.size(),
        i -> {
          shop.clearBasket(buyers.get(i));
          shop.putInBasket(buyers.get(i), raceProduct, 1);
          return null;
        });
    int onHand = shop.stock(admin.token(), raceProduct)[0];
    List<HttpRequest> checkouts =
        buyers.stream().map(b -> shop.checkout(b, "bench-race-" + UUID.randomUUID())).toList();
    Burst burst = Load.burst(api, "race", RACE_CONCURRENCY, checkouts);
    report.add(
        burst.result(
            "race: " + RACE_BUYERS + " buyers, " + RACE_UNITS + " units (201 or 409)",
            RACE_CONCURRENCY,
            s -> s == 201 || s == 409),
        null);

    Map<String, Long> outcomes = new TreeMap<>();
    long created = 0;
    long refused = 0;
    long failed = 0;
    long units = 0;
    for (Answer answer : burst.answers()) {
      outcomes.merge(answer.describe(), 1L, Long::sum);
      if (answer.status() == 201) {
        created++;
        for (JsonValue line : answer.json().getJsonArray("lines")) {
          if (raceProduct.equals(line.asJsonObject().getString("productId"))) {
            units += line.asJsonObject().getInt("quantity");
          }
        }
      } else if (answer.status() == 409) {
        refused++;
      } else if (answer.status() >= 500) {
        failed++;
      }
    }
    report.check(
        created == RACE_UNITS && refused == RACE_BUYERS - RACE_UNITS,
        String.format(
            "race: %d × 201, %d × 409, %d × 5xx (expected %d × 201, %d × 409); answers: %s",
            created, refused, failed, RACE_UNITS, RACE_BUYERS - RACE_UNITS, outcomes));
    long sold = units;
    int[] after = awaitStock(raceProduct, s -> s[0] == onHand - sold && s[1] == 0);
    report.check(
        after[0] == onHand - sold && after[1] == 0 && sold <= onHand,
        String.format(
            "race stock: %d on hand before, %d sold by the 201 answers, then %d on hand and %d"
                + " reserved",
            onHand, sold, after[0], after[1]));
  }

  /** The product's {on hand, reserved} once {@code settled} holds, or after 60 s. */
  private int[] awaitStock(String product, Predicate<int[]> settled) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    int[] stock = shop.stock(admin.token(), product);
    while (!settled.test(stock) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      stock = shop.stock(admin.token(), product);
    }
    return stock;
  }

  /** One customer sends one checkout 50 times at once, with one key: one order, 50 answers. */
  private void replays() throws InterruptedException {
    freshenTokens();
    System.out.printf("one Idempotency-Key sent %d times at once…%n", REPLAYS);
    shop.putInBasket(replayCustomer, products.get(0), 1);
    String key = "bench-replay-" + UUID.randomUUID();
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < REPLAYS; i++) {
      requests.add(shop.checkout(replayCustomer, key));
    }
    Burst burst = Load.burst(api, "replay", REPLAYS, requests);
    report.add(
        burst.result(
            "one Idempotency-Key ×" + REPLAYS + ", one customer (200 or 201)",
            REPLAYS,
            s -> s == 200 || s == 201),
        null);
    Map<String, Long> outcomes = new TreeMap<>();
    Set<String> orderIds = new HashSet<>();
    for (Answer answer : burst.answers()) {
      outcomes.merge(answer.describe(), 1L, Long::sum);
      if (answer.status() == 200 || answer.status() == 201) {
        orderIds.add(answer.json().getString("id"));
      }
    }
    long answered = outcomes.getOrDefault("200", 0L) + outcomes.getOrDefault("201", 0L);
    int orders =
        api.call(api.get(ORDERS + "/orders?limit=1", replayCustomer.token()), 200)
            .json()
            .getInt("total");
    report.check(
        answered == REPLAYS && orderIds.size() == 1 && orders == 1,
        String.format(
            "one Idempotency-Key ×%d: answers %s, %d distinct order id(s), the customer has %d"
                + " order(s) (expected %d × 200/201, 1 id, 1 order)",
            REPLAYS, outcomes, orderIds.size(), orders, REPLAYS));
  }

  /**
   * OrderPlaced → shipment: for orders placed during the sampled checkout phase, the time from the
   * customer's 201 answer to the shipment's creation (its {@code createdAt}: the same machine's
   * clock, and polling after the phase does not load it).
   */
  private void shipments(int phase) throws InterruptedException {
    freshenTokens();
    System.out.printf("shipments of %d orders…%n", shipmentSamples.size());
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Samples fromAnswer = new Samples();
    Samples fromPlacement = new Samples();
    int missing = 0;
    for (Placed order : shipmentSamples) {
      Instant created = shipmentCreated(order, deadline);
      if (created == null) {
        missing++;
      } else {
        fromAnswer.add(Duration.between(order.answeredAt(), created).toNanos() / 1000);
        fromPlacement.add(Duration.between(order.placedAt(), created).toNanos() / 1000);
      }
    }
    report.addDelay(
        "OrderPlaced → shipment booked, from the 201 answer ("
            + shipmentSamples.size()
            + " orders placed at "
            + phase
            + " concurrent checkouts)",
        fromAnswer.sorted(),
        missing);
    long[] server = fromPlacement.sorted();
    report.note(
        String.format(
            "OrderPlaced → shipment booked, server clock (order placedAt → shipment createdAt):"
                + " p50 %s ms, p95 %s ms; %d of %d orders without a shipment after 60 s",
            Report.millis(Samples.percentileMillis(server, 50)),
            Report.millis(Samples.percentileMillis(server, 95)),
            missing,
            shipmentSamples.size()));
  }

  private Instant shipmentCreated(Placed order, long deadline) throws InterruptedException {
    while (true) {
      JsonObject page =
          api.call(
                  api.get(
                      DELIVERIES + "/shipments?orderId=" + order.orderId(),
                      order.customer().token()),
                  200)
              .json();
      if (page.getInt("total") > 0) {
        return Instant.parse(page.getJsonArray("items").getJsonObject(0).getString("createdAt"));
      }
      if (System.nanoTime() > deadline) {
        return null;
      }
      Thread.sleep(200);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Virtual users

  /** Anonymous virtual users sending what {@code request} builds each time. */
  private static IntFunction<VirtualUser> anyone(Supplier<HttpRequest> request) {
    return w -> meter -> meter.send(request.get());
  }

  /**
   * Virtual users each acting for their own customers in turn, among the first {@code count}: user
   * {@code w} of {@code n} serves customers {@code w}, {@code w + n}, … — no two users act for one
   * customer at once.
   */
  private IntFunction<VirtualUser> eachCustomer(int count, CustomerAction action) {
    return w -> {
      List<Integer> mine = new ArrayList<>();
      for (int n = w; n < count; n += concurrency) {
        mine.add(n);
      }
      if (mine.isEmpty()) {
        mine.add(w % count);
      }
      int[] next = {0};
      return meter -> action.act(mine.get(next[0]++ % mine.size()), meter);
    };
  }

  /** What a virtual user does for customer number {@code n}. */
  @FunctionalInterface
  private interface CustomerAction {
    void act(int n, Load.Meter meter) throws Exception;
  }

  private static IntPredicate ok(int status) {
    return s -> s == status;
  }

  private void freshenTokens() throws InterruptedException {
    List<Account> accounts = new ArrayList<>(customers == null ? List.of() : customers);
    accounts.add(admin);
    if (replayCustomer != null) {
      accounts.add(replayCustomer);
    }
    Storefront.inParallel(
        SETUP_THREADS,
        accounts.size(),
        i -> {
          shop.freshen(accounts.get(i), tokenRenewal);
          return null;
        });
  }

  private static <T> T any(List<T> items) {
    return items.get(ThreadLocalRandom.current().nextInt(items.size()));
  }

  private static String randomLetters(int length) {
    return ThreadLocalRandom.current()
        .ints(length, 'a', 'z' + 1)
        .mapToObj(c -> String.valueOf((char) c))
        .collect(Collectors.joining());
  }
}
