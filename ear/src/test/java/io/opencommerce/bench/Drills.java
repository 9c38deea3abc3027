package io.opencommerce.bench;

import io.opencommerce.bench.Api.Answer;
import io.opencommerce.bench.Storefront.Account;
import io.opencommerce.local.Ports;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bad days the platform must survive, each under a steady checkout load, with a report. Each
 * customer checks out again and again with a key of its own per order, and retries a checkout that
 * got no answer (or a 5xx) with the same key until it is answered, as a shop front does. The
 * drills, one after the other on a running local platform ({@code liberty-config/local/platform
 * up}):
 *
 * <ul>
 *   <li>{@code liberty}: the server is killed ({@code kill -9}) and started again;
 *   <li>{@code mariadb}: the database server is stopped and started again;
 *   <li>{@code redis}: Redis is shut down (it keeps nothing on disk here) and started again;
 *   <li>{@code rabbitmq}: one node of a 3-node RabbitMQ cluster is killed ({@code kill -9}) and
 *       started again. For this drill the program first starts the cluster ({@link RabbitCluster},
 *       beside the machine's own node) and restarts the server on it; afterwards it puts the server
 *       back on the machine's node and stops the cluster.
 * </ul>
 *
 * For each drill the report says how long checkouts failed (from the disruption to the first
 * checkout answered 201 that was sent after it) and how many answers were errors meanwhile. Then,
 * once the load has stopped, it checks what must hold whatever happened: every order answered 201
 * exists and is the customer's; the customers have no order they were not answered (an order that
 * committed while its answer was lost was answered on the retry with the same key, so it counts
 * once); the units the products lost equal the units of the orders, and nothing stays held; every
 * order has exactly one shipment. It exits with 1 when a check fails. Run it as root (it stops and
 * starts the machine's MariaDB and Redis) on a platform nobody else uses:
 *
 * <pre>
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opencommerce.bench.Drills [-Ddrills=liberty,mariadb,redis,rabbitmq] \
 *     [-Ddrills.customers=16]
 * </pre>
 */
public final class Drills {
  private static final String ADMIN_EMAIL = "admin@opencommerce.local";
  private static final String ADMIN_PASSWORD =
      System.getProperty("platform.admin.password", "Demo-Operator-2026!");
  private static final Duration STEADY = Duration.ofSeconds(5);
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(240);
  private static final Duration SETTLE = Duration.ofSeconds(90);
  private static final int PRODUCTS = 8;
  private static final int ON_HAND = 100_000;

  private final Api api;
  private final Storefront shop;
  private final Path wlp;
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** The server's environment beyond the process's own (the broker addresses during a drill). */
  private final Map<String, String> serverEnvironment = new HashMap<>();

  private RabbitCluster cluster;

  /** Each checkout answered 201 or 200: its order, its customer and when it was sent/answered. */
  private record Placed(String orderId, Account customer, long sentAt, long answeredAt) {}

  private final ConcurrentLinkedQueue<Placed> placed = new ConcurrentLinkedQueue<>();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicInteger refusals = new AtomicInteger();

  private record Outcome(String drill, double outageSeconds, int placedDuring, int errorsDuring) {}

  private Drills(String base, Path root) {
    this.api = new Api(base);
    this.shop = new Storefront(api);
    this.wlp = root.resolve("ear/target/liberty/wlp");
  }

  public static void main(String[] args) throws Exception {
    Drills drills =
        new Drills(
            System.getProperty("bench.url", "http://127.0.0.1:9080"),
            Path.of(System.getProperty("platform.root", ".")).toAbsolutePath());
    List<String> wanted =
        Arrays.asList(System.getProperty("drills", "liberty,mariadb,redis").split(","));
    int customers = Integer.getInteger("drills.customers", 16);
    boolean passed;
    if (wanted.contains("rabbitmq")) {
      drills.moveToCluster();
      try {
        passed = drills.run(wanted, customers);
      } finally {
        drills.leaveCluster();
      }
    } else {
      passed = drills.run(wanted, customers);
    }
    System.exit(passed ? 0 : 1);
  }

  private boolean run(List<String> wanted, int customerCount) throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    System.out.printf("Drills %s against %s: %s%n", run, api.base(), wanted);
    String admin = shop.signIn(ADMIN_EMAIL, ADMIN_PASSWORD).token();
    List<String> products = new ArrayList<>();
    for (int i = 0; i < PRODUCTS; i++) {
      products.add(
          shop.product(
              admin, "DRILL-" + run + "-" + i, "Drill " + i, "Drill stock", null, "3.50", ON_HAND));
    }
    List<Account> customers =
        Storefront.inParallel(
            8,
            customerCount,
            i -> shop.newCustomer("drill-" + run + "-" + i + "@bench.opencommerce.local", "Drill"));
    System.out.printf("%d products, %d customers ready%n", PRODUCTS, customers.size());

    List<Thread> load = new ArrayList<>();
    for (Account customer : customers) {
      Thread thread = new Thread(() -> shopping(customer, products), "drill-" + customer.email);
      thread.start();
      load.add(thread);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (String drill : wanted) {
      Thread.sleep(STEADY.toMillis());
      outcomes.add(
          switch (drill.strip()) {
            case "liberty" ->
                drill("kill -9 the Liberty server, start it again", this::restartLiberty);
            case "mariadb" -> drill("stop MariaDB, start it again", this::restartMariaDb);
            case "redis" ->
                drill("shut Redis down (nothing on disk), start it again", this::restartRedis);
            case "rabbitmq" ->
                drill(
                    "kill -9 one node of the 3-node RabbitMQ cluster, start it again",
                    this::restartRabbitNode);
            default -> throw new IllegalArgumentException("unknown drill " + drill);
          });
    }
    Thread.sleep(STEADY.toMillis());
    running.set(false);
    for (Thread thread : load) {
      thread.join(Duration.ofSeconds(90).toMillis());
    }
    report(outcomes);
    return check(admin, customers, products);
  }

  /** One customer's shopping: a unit in the basket, a checkout, again; retried with its key. */
  private void shopping(Account customer, List<String> products) {
    while (running.get()) {
      String product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
      try {
        Answer added = api.exchange(shop.putInBasketRequest(customer, product, 1));
        if (added.status() != 200) {
          pause(250);
          continue;
        }
      } catch (IOException e) {
        pause(250);
        continue;
      } catch (InterruptedException e) {
        return;
      }
      String key = "drill-" + UUID.randomUUID();
      long sent = System.nanoTime();
      while (true) {
        try {
          Answer answer = api.exchange(shop.checkout(customer, key));
          if (answer.status() == 201 || answer.status() == 200) {
            placed.add(
                new Placed(answer.json().getString("id"), customer, sent, System.nanoTime()));
            break;
          }
          if (answer.status() < 500) {
            refusals.incrementAndGet(); // e.g. 409 basket-not-ready: the basket is refilled
            break;
          }
          errors.incrementAndGet();
        } catch (IOException e) {
          errors.incrementAndGet();
        } catch (InterruptedException e) {
          return;
        }
        pause(250); // no answer or 5xx: the same key again, as a shop front would
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  private interface Disruption {
    void run() throws Exception;
  }

  private Outcome drill(String name, Disruption disruption) throws Exception {
    System.out.printf("%n== %s%n", name);
    int placedBefore = placed.size();
    int errorsBefore = errors.get();
    long start = System.nanoTime();
    disruption.run();
    System.out.printf("(the disruption took %.1f s)%n", (System.nanoTime() - start) / 1e9);
    long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
    Double outage = null;
    while (System.nanoTime() < deadline) {
      outage =
          placed.stream()
              .filter(p -> p.sentAt() > start)
              .mapToLong(Placed::answeredAt)
              .min()
              .stream()
              .mapToDouble(answered -> (answered - start) / 1e9)
              .boxed()
              .findFirst()
              .orElse(null);
      if (outage != null) {
        break;
      }
      Thread.sleep(200);
    }
    Thread.sleep(STEADY.toMillis());
    Outcome outcome =
        new Outcome(
            name,
            outage == null ? Double.NaN : outage,
            placed.size() - placedBefore,
            errors.get() - errorsBefore);
    System.out.printf(
        "checkouts succeed again after %s; %d orders placed, %d error answers meanwhile%n",
        outage == null
            ? "(not within " + RECOVERY_LIMIT.toSeconds() + " s)"
            : "%.1f s".formatted(outage),
        outcome.placedDuring(),
        outcome.errorsDuring());
    return outcome;
  }

  private void restartLiberty() throws Exception {
    Path pidFile = wlp.resolve("usr/servers/.pid/platform.pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    System.out.printf("killed the server (pid %d)%n", pid);
    startServer();
    System.out.println("server started again");
  }

  /**
   * Starts the 3-node cluster and restarts the server on it, with the platform's broker settings
   * ({@code rabbitmq.vhost}, {@code rabbitmq.username}, {@code rabbitmq.password}).
   */
  private void moveToCluster() throws Exception {
    cluster =
        new RabbitCluster(
            wlp.resolve("../../rabbit-cluster").normalize(),
            System.getProperty("rabbitmq.vhost", "opencommerce"),
            System.getProperty("rabbitmq.username", "opencommerce"),
            System.getProperty("rabbitmq.password", "opencommerce-dev-password"));
    cluster.start();
    serverEnvironment.put("RABBITMQ_ADDRESSES", cluster.addresses());
    restartServerGracefully();
    System.out.println("server runs on the cluster: " + cluster.addresses());
  }

  /** Puts the server back on the machine's own node and stops the cluster. */
  private void leaveCluster() throws Exception {
    serverEnvironment.remove("RABBITMQ_ADDRESSES");
    restartServerGracefully();
    cluster.stop();
    System.out.println("server back on the machine's RabbitMQ node; cluster stopped");
  }

  private void restartServerGracefully() throws Exception {
    command(
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", "platform"),
        Duration.ofMinutes(2));
    startServer();
    long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
    while (true) {
      try {
        if (api.exchange(api.get("/health/ready", null)).status() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the server was not ready within " + RECOVERY_LIMIT);
      }
      Thread.sleep(1_000);
    }
  }

  /**
   * {@code server start}, with the parcels moved on by webhooks and admins only and the broker
   * addresses of a drill.
   */
  private void startServer() throws Exception {
    ProcessBuilder start =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", "platform");
    start.environment().putIfAbsent("DELIVERIES_CARRIERS_SIMULATED_PROGRESS_AFTER", "PT0S");
    start.environment().putAll(serverEnvironment);
    command(start, Duration.ofMinutes(5));
  }

  /** Kills a node chosen at random, and starts it again (it rejoins by itself). */
  private void restartRabbitNode() throws Exception {
    int victim = 1 + ThreadLocalRandom.current().nextInt(RabbitCluster.NODES);
    cluster.kill(victim);
    System.out.printf("killed %s; down for 10 s%n", RabbitCluster.node(victim));
    Thread.sleep(10_000);
    cluster.restart(victim);
    System.out.printf(
        "%s started again; running nodes: %s%n",
        RabbitCluster.node(victim), cluster.clusterMembers());
  }

  private void restartMariaDb() throws Exception {
    command(new ProcessBuilder("pkill", "-TERM", "-x", "mariadbd"), Duration.ofSeconds(10));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Ports.open(3306) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    System.out.println("MariaDB stopped; down for 5 s");
    Thread.sleep(5_000);
    command(
        new ProcessBuilder(
            "start-stop-daemon",
            "--start",
            "--oknodo",
            "--background",
            "--exec",
            "/usr/sbin/mariadbd"),
        Duration.ofSeconds(30));
    while (!Ports.open(3306)) {
      Thread.sleep(200);
    }
    System.out.println("MariaDB started again");
  }

  private void restartRedis() throws Exception {
    command(new ProcessBuilder("redis-cli", "shutdown", "nosave"), Duration.ofSeconds(10));
    System.out.println("Redis shut down; down for 5 s");
    Thread.sleep(5_000);
    command(
        new ProcessBuilder(
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "-::1",
            "--port",
            "6379",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            "/var/lib/redis",
            "--logfile",
            "/var/log/redis/ci.log"),
        Duration.ofSeconds(10));
    while (!Ports.open(6379)) {
      Thread.sleep(100);
    }
    System.out.println("Redis started again (empty)");
  }

  private static void command(ProcessBuilder command, Duration limit) throws Exception {
    Process process =
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command.command() + " did not finish in " + limit);
    }
  }

  private void report(List<Outcome> outcomes) {
    System.out.printf(
        "%n| drill | checkouts fail for | orders placed during | error answers during |%n"
            + "|---|---|---|---|%n");
    for (Outcome o : outcomes) {
      System.out.printf(
          "| %s | %s | %d | %d |%n",
          o.drill(),
          Double.isNaN(o.outageSeconds()) ? "not recovered" : "%.1f s".formatted(o.outageSeconds()),
          o.placedDuring(),
          o.errorsDuring());
    }
    System.out.printf(
        "%nIn all: %d orders answered 201/200, %d checkouts refused (4xx, basket refilled),"
            + " %d error answers or no answer (retried with the same key)%n",
        placed.size(), refusals.get(), errors.get());
  }

  private boolean check(String admin, List<Account> customers, List<String> products)
      throws Exception {
    boolean passed = true;
    Map<String, Account> answered = new LinkedHashMap<>();
    placed.forEach(p -> answered.put(p.orderId(), p.customer()));

    // The orders the customers have, as the platform lists them.
    Map<String, JsonObject> listed = new HashMap<>();
    for (Account customer : customers) {
      for (int offset = 0; ; offset += 100) {
        JsonObject page =
            api.call(
                    api.get(
                        Storefront.ORDERS + "/orders?limit=100&offset=" + offset, customer.token()),
                    200)
                .json();
        for (JsonValue item : page.getJsonArray("items")) {
          JsonObject order = item.asJsonObject();
          listed.put(order.getString("id"), order);
        }
        if (offset + 100 >= page.getInt("total")) {
          break;
        }
      }
    }
    Set<String> missing = new HashSet<>(answered.keySet());
    missing.removeAll(listed.keySet());
    Set<String> unanswered = new HashSet<>(listed.keySet());
    unanswered.removeAll(answered.keySet());
    passed &=
        verdict(
            missing.isEmpty() && unanswered.isEmpty(),
            "every order answered 201/200 exists (%d), and no customer has an order it was not"
                + " answered (missing %s, unanswered %s)",
            answered.size(),
            missing,
            unanswered);

    // Units: what the products lost is what the orders hold, and nothing stays held.
    Map<String, Integer> ordered = new HashMap<>();
    for (String id : answered.keySet()) {
      JsonObject order =
          api.call(api.get(Storefront.ORDERS + "/orders/" + id, answered.get(id).token()), 200)
              .json();
      if ("CANCELLED".equals(order.getString("status"))) {
        continue;
      }
      for (JsonValue line : order.getJsonArray("lines")) {
        JsonObject l = line.asJsonObject();
        ordered.merge(l.getString("productId"), l.getInt("quantity"), Integer::sum);
      }
    }
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Map<String, int[]> stock = new HashMap<>();
    while (true) {
      for (String product : products) {
        stock.put(product, shop.stock(admin, product));
      }
      boolean settled =
          products.stream()
              .allMatch(
                  p ->
                      stock.get(p)[1] == 0
                          && ON_HAND - stock.get(p)[0] == ordered.getOrDefault(p, 0));
      if (settled || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(1_000);
    }
    int sold = products.stream().mapToInt(p -> ON_HAND - stock.get(p)[0]).sum();
    int held = products.stream().mapToInt(p -> stock.get(p)[1]).sum();
    int inOrders = ordered.values().stream().mapToInt(Integer::intValue).sum();
    passed &=
        verdict(
            sold == inOrders && held == 0,
            "units sold %,d = units in the orders %,d, and %d held",
            sold,
            inOrders,
            held);

    // One shipment per order.
    int withOne = 0;
    List<String> wrong = new ArrayList<>();
    deadline = System.nanoTime() + SETTLE.toNanos();
    Set<String> pending = new HashSet<>(answered.keySet());
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      for (String id : new ArrayList<>(pending)) {
        int total =
            api.call(
                    api.get(
                        Storefront.DELIVERIES + "/shipments?orderId=" + id,
                        answered.get(id).token()),
                    200)
                .json()
                .getInt("total");
        if (total == 1) {
          pending.remove(id);
          withOne++;
        } else if (total > 1) {
          pending.remove(id);
          wrong.add(id + " has " + total);
        }
      }
      if (!pending.isEmpty()) {
        Thread.sleep(1_000);
      }
    }
    pending.forEach(id -> wrong.add(id + " has none"));
    passed &=
        verdict(
            wrong.isEmpty(),
            "every order has exactly one shipment (%d of %d; %s)",
            withOne,
            answered.size(),
            wrong.isEmpty() ? "none wrong" : wrong);
    return passed;
  }

  private static boolean verdict(boolean ok, String format, Object... values) {
    System.out.printf("%s %s%n", ok ? "PASS" : "FAIL", format.formatted(values));
    return ok;
  }
}
