package io.opencommerce.it.storefront;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Liberty server on this machine running the storefront alone, as Kubernetes runs it
 * (liberty-config/storefront/server.xml, the storefront WAR, the platform's API description from
 * kube/base/storefront/openapi.json as its ConfigMap gives it), against the all-in-one server's
 * services — except those named as stopped, whose addresses answer nothing (a closed port): what
 * the storefront sees when those services are down. Created under the suite's Liberty installation,
 * started, and stopped again (also when the test JVM ends early).
 */
final class DegradedStorefront implements AutoCloseable {
  static final String SERVER = "storefront-degraded";
  static final int HTTP_PORT = Integer.getInteger("storefront.degraded.http.port", 9181);
  static final int HTTPS_PORT = HTTP_PORT + 362;

  /** Where nothing listens: a stopped service's address. */
  private static final String NOWHERE = "http://127.0.0.1:9";

  private static final Duration START_LIMIT = Duration.ofMinutes(3);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path wlp;
  private final Thread stopOnExit;

  private DegradedStorefront(Path wlp) {
    this.wlp = wlp;
    this.stopOnExit = new Thread(this::stop, "stop-" + SERVER);
  }

  /** The second server's root URL. */
  static String root() {
    return "http://localhost:" + HTTP_PORT;
  }

  /** The storefront's base URL on the second server. */
  static String api() {
    return "http://localhost:" + HTTP_PORT + "/storefront/api";
  }

  /** Creates and starts the server with {@code stopped} (service names) unreachable. */
  static DegradedStorefront start(String... stopped) throws Exception {
    Path platformDir = Path.of(System.getProperty("platform.server.dir"));
    Path wlp = platformDir.getParent().getParent().getParent();
    DegradedStorefront server = new DegradedStorefront(wlp);
    server.stop(); // one left over from an interrupted run
    Path dir = wlp.resolve("usr/servers").resolve(SERVER);
    deleteTree(dir);
    Path config = Path.of(System.getProperty("liberty.config.dir"));
    Files.createDirectories(dir.resolve("apps"));
    Files.createDirectories(dir.resolve("shared"));
    Files.copy(config.resolve("storefront/server.xml"), dir.resolve("server.xml"));
    try (Stream<Path> shared = Files.list(config.resolve("shared"))) {
      for (Path file : shared.toList()) {
        Files.copy(file, dir.resolve("shared").resolve(file.getFileName()));
      }
    }
    Files.copy(
        Path.of(System.getProperty("storefront.war")),
        dir.resolve("apps/storefront.war"),
        StandardCopyOption.REPLACE_EXISTING);
    Runtime.getRuntime().addShutdownHook(server.stopOnExit);
    server.run(environment(stopped), "start");
    server.awaitReady();
    return server;
  }

  /**
   * The all-in-one server's development values (liberty-config/all-in-one/server.xml), this
   * server's ports, and every service at the all-in-one server but the stopped ones.
   */
  private static Map<String, String> environment(String... stopped) {
    String platform = System.getProperty("platform.url", "http://localhost:9080");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HTTP_PORT", Integer.toString(HTTP_PORT));
    env.put("HTTPS_PORT", Integer.toString(HTTPS_PORT));
    env.put("LOG_FORMAT", "simple");
    env.put("PLATFORM_ENVIRONMENT", "local");
    env.put("KEYSTORE_PASSWORD", "local-keystore-password");
    env.put("LTPA_KEYS_PASSWORD", "local-ltpa-password");
    env.put("ADMIN_PASSWORD", "admin-local-password");
    env.put("JWT_JWKS_URI", platform + "/auth/api/jwks");
    env.put("PLATFORM_TRUSTED_PROXIES", "127.0.0.1, ::1");
    env.put("RABBITMQ_ADDRESSES", "127.0.0.1:5672");
    env.put("RABBITMQ_VHOST", "opencommerce");
    env.put("RABBITMQ_USERNAME", "opencommerce");
    env.put("RABBITMQ_PASSWORD", "opencommerce-dev-password");
    env.put("REDIS_URL", "redis://127.0.0.1:6379/0");
    // The API description as kube/base/storefront/config.env sets it.
    env.put(
        "STOREFRONT_OPENAPI_PLATFORM_DOCUMENT",
        Path.of(System.getProperty("liberty.config.dir"))
            .resolveSibling("kube/base/storefront/openapi.json")
            .toString());
    env.put("MP_OPENAPI_SCAN_DISABLE", "true");
    for (String service :
        new String[] {
          "products", "questions", "orders", "deliveries", "auth", "addresses", "sav", "websites"
        }) {
      String base = java.util.Arrays.asList(stopped).contains(service) ? NOWHERE : platform;
      env.put("SERVICES_" + service.toUpperCase() + "_URL", base + "/" + service + "/api");
    }
    return env;
  }

  private void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(START_LIMIT);
    while (true) {
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + HTTP_PORT + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            SERVER + " was not ready within " + START_LIMIT + "; see " + log());
      }
      Thread.sleep(500);
    }
  }

  private Path log() {
    return wlp.resolve("usr/servers").resolve(SERVER).resolve("logs/messages.log");
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // the JVM is ending: the hook runs (or ran) anyway
    }
  }

  private void stop() {
    if (Files.isDirectory(wlp.resolve("usr/servers").resolve(SERVER))) {
      try {
        run(Map.of(), "stop");
      } catch (Exception e) {
        // nothing to stop
      }
    }
  }

  private void run(Map<String, String> environment, String action) throws Exception {
    ProcessBuilder command =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), action, SERVER)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    command.environment().putAll(environment);
    Process process = command.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("server " + action + " " + SERVER + " did not end");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
