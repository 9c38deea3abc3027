package io.opencommerce.local;

import io.opencommerce.demo.DemoShop;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the local all-in-one platform: the backing stand-ins (s3proxy for object
 * storage, GreenMail for mail), the Liberty server {@code platform} built under {@code
 * ear/target/liberty}, and the demo shop. {@code liberty-config/local/platform} checks the
 * machine's MariaDB, Redis and RabbitMQ, creates the databases and the vhost, and then hands over
 * to this program:
 *
 * <pre>
 *   up | down | status | backing start | backing stop | backing status
 * </pre>
 *
 * The system property {@code platform.root} names the checkout (the current directory otherwise).
 * Every value the server reads has a dev default in its server.xml; this program's environment
 * reaches the server unchanged, so the caller's overrides (AUTH_BOOTSTRAP_ADMIN_EMAIL,
 * RABBITMQ_PASSWORD, ...) apply.
 */
public final class LocalPlatform {
  private static final String LOOPBACK = "127.0.0.1";
  private static final int HTTP_PORT = 9080;
  private static final int HTTPS_PORT = 9443;
  private static final int S3_PORT = 9000;
  private static final int SMTP_PORT = 3025;
  private static final int IMAP_PORT = 3143;
  private static final int MAIL_API_PORT = 8025;
  private static final String SERVER = "platform";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration SERVER_COMMAND_TIMEOUT = Duration.ofSeconds(300);

  /**
   * How long the simulated carrier leaves a demo parcel at a step before moving it on (CREATED,
   * IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED), unless the caller set the variable (PT0S: parcels
   * move only by webhooks and admins).
   */
  private static final String PARCEL_PROGRESS = "DELIVERIES_CARRIERS_SIMULATED_PROGRESS_AFTER";

  private static final String DEMO_PARCEL_PROGRESS_AFTER = "PT20S";

  private final Path root;
  private final Path backingDir;
  private final Path wlp;
  private final Path serverDir;
  private final Path messagesLog;
  private final String baseUrl = "http://" + LOOPBACK + ":" + HTTP_PORT;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final BackingProcess s3proxy;
  private final BackingProcess greenmail;

  LocalPlatform(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.backingDir = this.root.resolve("ear/target/backing");
    this.wlp = this.root.resolve("ear/target/liberty/wlp");
    this.serverDir = wlp.resolve("usr/servers/" + SERVER);
    this.messagesLog = serverDir.resolve("logs/messages.log");
    this.s3proxy =
        new BackingProcess(
            "s3proxy",
            backingDir.resolve("s3proxy.jar"),
            URI.create("http://" + LOOPBACK + ":" + S3_PORT + "/"),
            List.of(S3_PORT),
            List.of("-Xmx128m"),
            List.of("--properties", backingDir.resolve("s3proxy.properties").toString()));
    this.greenmail =
        new BackingProcess(
            "greenmail",
            backingDir.resolve("greenmail.jar"),
            URI.create("http://" + LOOPBACK + ":" + MAIL_API_PORT + "/api/service/readiness"),
            List.of(MAIL_API_PORT, SMTP_PORT, IMAP_PORT),
            List.of(
                "-Xmx128m",
                "-Dgreenmail.setup.test.smtp",
                "-Dgreenmail.setup.test.imap",
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.hostname=" + LOOPBACK,
                "-Dgreenmail.api.hostname=" + LOOPBACK,
                "-Dgreenmail.api.port=" + MAIL_API_PORT),
            List.of());
  }

  public static void main(String[] args) {
    LocalPlatform platform = new LocalPlatform(Path.of(System.getProperty("platform.root", ".")));
    String command = String.join(" ", args);
    try {
      switch (command) {
        case "up" -> platform.up();
        case "down" -> platform.down();
        case "status" -> platform.status();
        case "backing start" -> platform.startBacking(true);
        case "backing stop" -> platform.stopBacking();
        case "backing status" -> platform.backingStatus();
        default -> {
          Out.error("platform", "unknown command '" + command + "'");
          System.exit(2);
        }
      }
    } catch (Failure e) {
      Out.error(e.component(), e.getMessage());
      System.exit(1);
    } catch (IOException e) {
      Out.error("platform", e.toString());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
    System.exit(0); // the demo shop's REST clients leave threads behind
  }

  void up() throws IOException, InterruptedException {
    startBacking(false);
    startServer();
    awaitReady();
    DemoShop.Shop shop = DemoShop.read(null);
    try {
      new DemoShop(baseUrl).create(shop);
    } catch (RuntimeException e) {
      throw new Failure("demo", "the demo shop could not be created: " + e.getMessage());
    }
    summary(shop);
  }

  void down() throws IOException, InterruptedException {
    stopServer();
    stopBacking();
  }

  void startBacking(boolean table) throws IOException, InterruptedException {
    Files.createDirectories(backingDir);
    writeS3ProxyProperties();
    String s3 = s3proxy.start();
    Out.ok("s3proxy", s3);
    String mail = greenmail.start();
    Out.ok("greenmail", mail);
    if (table) {
      Out.table(
          List.of("backing", "address", "state"),
          List.of(
              List.of("S3", "http://" + LOOPBACK + ":" + S3_PORT + " (path-style buckets)", s3),
              List.of("Mail", mailAddresses(), mail)));
    }
  }

  void stopBacking() throws InterruptedException {
    for (BackingProcess process : List.of(s3proxy, greenmail)) {
      Out.ok(process.name(), process.stop());
    }
  }

  void backingStatus() {
    Out.table(
        List.of("backing", "address", "state"),
        List.of(
            List.of("S3", "http://" + LOOPBACK + ":" + S3_PORT, s3proxy.state()),
            List.of("Mail", mailAddresses(), greenmail.state())));
  }

  void status() throws IOException, InterruptedException {
    String state = !built() ? "not built (run mvn -B -DskipTests -DskipITs install)" : "stopped";
    if (built() && serverRunning()) {
      state = "running";
    }
    Out.table(
        List.of("server", "address", "state"),
        List.of(
            List.of("Liberty", "server '" + SERVER + "'", state),
            List.of("HTTP", "http://localhost:" + HTTP_PORT, Ports.state(HTTP_PORT)),
            List.of("HTTPS", "https://localhost:" + HTTPS_PORT, Ports.state(HTTPS_PORT)),
            List.of("Readiness", baseUrl + "/health/ready", readiness())));
    System.out.println();
    backingStatus();
  }

  // --- the Liberty server ----------------------------------------------------------------------

  private boolean built() {
    return Files.isExecutable(wlp.resolve("bin/server"))
        && Files.isRegularFile(serverDir.resolve("server.xml"));
  }

  private int server(String action) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), action, SERVER)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    // The server inherits it (deliveries.carriers.simulated.progress-after): demo orders get
    // delivered without anyone calling the carrier's webhook.
    env.putIfAbsent(PARCEL_PROGRESS, DEMO_PARCEL_PROGRESS_AFTER);
    Process process = builder.start();
    if (!process.waitFor(SERVER_COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new Failure("liberty", "'server " + action + " " + SERVER + "' did not finish in time");
    }
    return process.exitValue();
  }

  private boolean serverRunning() throws IOException, InterruptedException {
    return server("status") == 0;
  }

  private void startServer() throws IOException, InterruptedException {
    if (!built()) {
      throw new Failure(
          "liberty",
          "no server '"
              + SERVER
              + "' under "
              + wlp
              + ": build it with 'mvn -B -DskipTests -DskipITs install' in "
              + root);
    }
    if (serverRunning()) {
      Out.ok("liberty", "server '" + SERVER + "' is already running: leaving it as it is");
      return;
    }
    Out.info("liberty", "starting server '" + SERVER + "' (log: " + messagesLog + ")");
    int code = server("start");
    if (code > 1 && !serverRunning()) {
      throw new Failure(
          "liberty",
          "'server start "
              + SERVER
              + "' failed with exit code "
              + code
              + Logs.tail(messagesLog, 40)
              + Logs.tail(serverDir.resolve("logs/console.log"), 20));
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    URI ready = URI.create(baseUrl + "/health/ready");
    Instant start = Instant.now();
    Instant nextReport = start.plusSeconds(20);
    Out.info(
        "liberty",
        "waiting for " + ready + " to answer 200 (at most " + READY_TIMEOUT.toSeconds() + " s)");
    String last = "no answer";
    String body = "";
    while (true) {
      try {
        var answer =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          break;
        }
        last = Integer.toString(answer.statusCode());
        body = answer.body();
      } catch (IOException e) {
        last = "no answer";
      }
      Instant now = Instant.now();
      if (Duration.between(start, now).compareTo(READY_TIMEOUT) > 0) {
        throw new Failure(
            "liberty",
            ready
                + " did not answer 200 within "
                + READY_TIMEOUT.toSeconds()
                + " s (last answer: "
                + last
                + ")"
                + Logs.tail(messagesLog, 40)
                + (body.isEmpty() ? "" : "\n  readiness answer: " + body)
                + "\n  the server is still running; stop it with 'liberty-config/local/platform down'");
      }
      if (now.isAfter(nextReport)) {
        if (!serverRunning()) {
          throw new Failure(
              "liberty",
              "the server stopped while starting (last answer: "
                  + last
                  + ")"
                  + Logs.tail(messagesLog, 40));
        }
        Out.info(
            "liberty",
            "not ready yet after "
                + Duration.between(start, now).toSeconds()
                + " s (last answer: "
                + last
                + ")");
        nextReport = nextReport.plusSeconds(20);
      }
      Thread.sleep(1000);
    }
    Out.ok("liberty", "ready after " + Duration.between(start, Instant.now()).toSeconds() + " s");
  }

  private void stopServer() throws IOException, InterruptedException {
    if (!built()) {
      Out.info("liberty", "no server '" + SERVER + "' built under " + wlp + ": nothing to stop");
    } else if (!serverRunning()) {
      Out.info("liberty", "server '" + SERVER + "' is not running");
    } else {
      Out.info("liberty", "stopping server '" + SERVER + "'");
      if (server("stop") == 0) {
        Out.ok("liberty", "stopped");
      } else {
        Out.warn("liberty", "'server stop " + SERVER + "' reported a problem; see " + messagesLog);
      }
    }
  }

  private String readiness() {
    try {
      return Integer.toString(
          http.send(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  BodyHandlers.discarding())
              .statusCode());
    } catch (IOException e) {
      return "no answer";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no answer";
    }
  }

  // --- backing configuration -------------------------------------------------------------------

  /** s3proxy serves S3 from a directory, with the credentials the server uses (dev defaults). */
  private void writeS3ProxyProperties() throws IOException {
    Path data = backingDir.resolve("s3-data");
    Files.createDirectories(data);
    String identity = properties(env("STORAGE_ACCESS_KEY", "opencommerce"));
    String secret = properties(env("STORAGE_SECRET_KEY", "opencommerce-dev-secret"));
    String endpoint = "http://" + LOOPBACK + ":" + S3_PORT;
    Path file = backingDir.resolve("s3proxy.properties");
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        file,
        """
        # s3proxy for the local platform: S3 on %s, objects stored under %s.
        s3proxy.endpoint=%s
        s3proxy.authorization=aws-v2-or-v4
        s3proxy.identity=%s
        s3proxy.credential=%s
        s3proxy.virtual-host=
        jclouds.provider=filesystem
        jclouds.identity=%s
        jclouds.credential=%s
        jclouds.filesystem.basedir=%s
        """
            .formatted(endpoint, data, endpoint, identity, secret, identity, secret, data));
  }

  private static String properties(String value) {
    return value.replace("\\", "\\\\");
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  private static String mailAddresses() {
    return "SMTP "
        + SMTP_PORT
        + ", IMAP "
        + IMAP_PORT
        + ", API http://"
        + LOOPBACK
        + ":"
        + MAIL_API_PORT;
  }

  // --- the summary printed by up ---------------------------------------------------------------

  private void summary(DemoShop.Shop shop) {
    String admin =
        env("AUTH_BOOTSTRAP_ADMIN_EMAIL", DemoShop.ADMIN_EMAIL)
            + " / "
            + (System.getenv("AUTH_BOOTSTRAP_ADMIN_PASSWORD") == null
                ? DemoShop.ADMIN_PASSWORD
                : "(the password in AUTH_BOOTSTRAP_ADMIN_PASSWORD)");
    String after = env(PARCEL_PROGRESS, DEMO_PARCEL_PROGRESS_AFTER);
    String parcels =
        Duration.parse(after).isZero()
            ? "the simulated carrier leaves its parcels where they are"
            : "the simulated carrier moves each parcel one step on after "
                + after
                + ", up to DELIVERED";
    System.out.println();
    System.out.println(Out.bold("The platform is up."));
    System.out.printf(
        """

          Platform        http://localhost:%1$d   https://localhost:%2$d
          Auth API        http://localhost:%1$d/auth/api
          JWKS            http://localhost:%1$d/auth/api/jwks
          Health          http://localhost:%1$d/health/ready  /health/live  /health/started
          Metrics         http://localhost:%1$d/metrics
          OpenAPI UI      http://localhost:%1$d/openapi/ui/
          Admin Center    https://localhost:%2$d/adminCenter/  (user %3$s; password: $ADMIN_PASSWORD
                          if set, else the dev default, see liberty-config/all-in-one/server.xml)

          MariaDB         127.0.0.1:3306  (per service S: database S, user S,
                          password <S>_DB_PASSWORD or S-dev-password)
          Redis           127.0.0.1:6379
          RabbitMQ        amqp://127.0.0.1:5672  vhost opencommerce, user opencommerce
          S3              http://127.0.0.1:%4$d  (access key %5$s)
          Mail            %6$s

          Demo accounts   %7$s   (admin)
                          %8$s / %9$s   (customer)
          Demo shop       %10$d products with stock (SKUs DEMO-...) from %11$s:
                          http://localhost:%1$d/products/api/products?category=%12$s
          Contact form    http://localhost:%1$d/contacts/api/topics  (POST /contacts/api/inquiries)
          FAQ             http://localhost:%1$d/questions/api/entries?language=en
                          (search: /questions/api/entries/search?language=en&q=delivery)
          Support         http://localhost:%1$d/sav/api/tickets  (customers' tickets; agent %16$s / %17$s,
                          who works the queue: GET /sav/api/tickets?unassigned=true)
          Sites           http://localhost:%1$d/websites/api/sites/current  (the default site; the
                          French and German demo shops answer on fr.opencommerce.localhost and
                          de.opencommerce.localhost, e.g. curl -H 'X-Site: laden-de' ..., and the
                          administrator lists all: GET /websites/api/sites)
          Storefront      http://localhost:%1$d/storefront/api/product-pages/<product id>
                          (product, stock and FAQ in one call; /storefront/api/account for a
                          customer's overview, /storefront/api/order-pages/<order id>)
          Mails sent      http://127.0.0.1:8025/api/user/<e-mail>/messages/  (GreenMail keeps every
                          mail the newsletters service sends: welcome, order, shipment, reset)
          Parcels         %13$s
                          (%14$s; PT0S: only webhooks and admins move them)

          Server log      %15$s
          Stop            liberty-config/local/platform down
        """,
        HTTP_PORT,
        HTTPS_PORT,
        env("ADMIN_USERNAME", "admin"),
        S3_PORT,
        env("STORAGE_ACCESS_KEY", "opencommerce"),
        mailAddresses(),
        admin,
        shop.customer().email(),
        shop.customer().password(),
        shop.products().size(),
        DemoShop.SHOP_FILE,
        shop.categories().isEmpty() ? "" : shop.categories().get(0).slug(),
        parcels,
        PARCEL_PROGRESS,
        messagesLog,
        shop.agent() == null ? "-" : shop.agent().email(),
        shop.agent() == null ? "-" : shop.agent().password());
  }
}
