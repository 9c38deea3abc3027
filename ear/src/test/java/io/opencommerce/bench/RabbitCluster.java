package io.opencommerce.bench;

import io.opencommerce.local.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A 3-node RabbitMQ cluster on this machine, beside the machine's own node, as production runs one:
 * nodes {@code r1@localhost}, {@code r2@localhost}, {@code r3@localhost} on AMQP ports 5681 to
 * 5683, with the platform's vhost and user. Each node has its own configuration, data, logs and
 * {@code HOME} (holding a copy of the machine's Erlang cookie) under {@code folder}; the machine's
 * {@code /etc/rabbitmq} files are not read (they pin the node name and port 5672). Run as root.
 */
final class RabbitCluster {
  static final int NODES = 3;
  private static final int FIRST_PORT = 5681;
  private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
  private static final Path CTL = Path.of("/usr/lib/rabbitmq/bin/rabbitmqctl");
  private static final Path COOKIE = Path.of("/var/lib/rabbitmq/.erlang.cookie");

  private final Path folder;
  private final String vhost;
  private final String user;
  private final String password;

  RabbitCluster(Path folder, String vhost, String user, String password) {
    this.folder = folder.toAbsolutePath();
    this.vhost = vhost;
    this.user = user;
    this.password = password;
  }

  static String node(int n) {
    return "r" + n + "@localhost";
  }

  static int port(int n) {
    return FIRST_PORT + n - 1;
  }

  /** The address list a client is given: every node. */
  String addresses() {
    List<String> all = new ArrayList<>();
    for (int n = 1; n <= NODES; n++) {
      all.add("127.0.0.1:" + port(n));
    }
    return String.join(",", all);
  }

  /** Starts the three nodes (those not running yet), joins them, and creates vhost and user. */
  void start() throws Exception {
    for (int n = 1; n <= NODES; n++) {
      if (!Ports.open(port(n))) {
        startNode(n);
      }
    }
    for (int n = 1; n <= NODES; n++) {
      awaitNode(n);
    }
    for (int n = 2; n <= NODES; n++) {
      if (!clusterMembers().contains(node(n))) {
        ctl(n, "stop_app");
        ctl(n, "reset");
        ctl(n, "join_cluster", node(1));
        ctl(n, "start_app");
        awaitNode(n);
      }
    }
    if (!ctl(1, "list_vhosts").lines().anyMatch(vhost::equals)) {
      ctl(1, "add_vhost", vhost);
    }
    if (!ctl(1, "list_users").lines().anyMatch(l -> l.startsWith(user + "\t"))) {
      ctl(1, "add_user", user, password);
    }
    ctl(1, "set_permissions", "-p", vhost, user, ".*", ".*", ".*");
    System.out.printf("RabbitMQ cluster %s up: %s%n", clusterMembers(), addresses());
  }

  /** The nodes the cluster's first node counts as running members. */
  String clusterMembers() throws Exception {
    String status = ctl(1, "cluster_status", "--formatter", "json");
    int running = status.indexOf("\"running_nodes\"");
    if (running < 0) {
      return "";
    }
    int open = status.indexOf('[', running);
    int close = status.indexOf(']', open);
    return status.substring(open + 1, close).replace("\"", "");
  }

  /** Kills one node hard ({@code kill -9} of its Erlang VM), as a machine failure would. */
  void kill(int n) throws Exception {
    Path pidFile = folder.resolve("r" + n + "/pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Ports.open(port(n)) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Starts a node again; it rejoins the cluster by itself. */
  void restart(int n) throws Exception {
    startNode(n);
    awaitNode(n);
  }

  /** Stops every node of the cluster (the machine's own node is left alone). */
  void stop() throws Exception {
    for (int n = NODES; n >= 1; n--) {
      if (Ports.open(port(n))) {
        ctl(n, "stop");
      }
    }
  }

  private void startNode(int n) throws Exception {
    Path home = Files.createDirectories(folder.resolve("r" + n));
    Path cookie = home.resolve(".erlang.cookie");
    Files.copy(COOKIE, cookie, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
    Path config = home.resolve("rabbitmq.conf");
    Files.writeString(
        config,
        """
        listeners.tcp.local = 127.0.0.1:%d
        vm_memory_high_watermark.absolute = 512MB
        disk_free_limit.absolute = 256MB
        """
            .formatted(port(n)));
    Path plugins = home.resolve("enabled_plugins");
    Files.writeString(plugins, "[].\n");
    ProcessBuilder server = new ProcessBuilder(SERVER.toString(), "-detached");
    Map<String, String> env = environment(n);
    env.put("RABBITMQ_NODE_PORT", Integer.toString(port(n)));
    env.put("RABBITMQ_DIST_PORT", Integer.toString(port(n) + 20_000));
    env.put("RABBITMQ_CONF_ENV_FILE", home.resolve("absent-rabbitmq-env.conf").toString());
    env.put("RABBITMQ_CONFIG_FILE", config.toString());
    env.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
    env.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
    env.put("RABBITMQ_PID_FILE", home.resolve("pid").toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString());
    server.environment().putAll(env);
    // The detached node inherits the launcher's output: a file, so that nothing waits for a pipe
    // the node keeps open.
    Process launcher =
        server
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("launch.log").toFile()))
            .start();
    if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
      launcher.destroyForcibly();
      throw new IllegalStateException(node(n) + ": rabbitmq-server -detached did not return");
    }
  }

  private Map<String, String> environment(int n) {
    Path home = folder.resolve("r" + n);
    return new HashMap<>(Map.of("RABBITMQ_NODENAME", node(n), "HOME", home.toString()));
  }

  private void awaitNode(int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      ProcessBuilder await =
          new ProcessBuilder(CTL.toString(), "-n", node(n), "await_startup", "--timeout", "5");
      await.environment().putAll(environment(n));
      if (run(await, Duration.ofSeconds(30)).exitCode() == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(node(n) + " did not start within 90 s");
      }
      Thread.sleep(1_000);
    }
  }

  private String ctl(int n, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(CTL.toString(), "-n", node(n), "-q"));
    command.addAll(List.of(arguments));
    ProcessBuilder ctl = new ProcessBuilder(command);
    ctl.environment().putAll(environment(n));
    Result result = run(ctl, Duration.ofSeconds(60));
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", arguments) + " on " + node(n) + " failed: " + result.output());
    }
    return result.output();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(ProcessBuilder command, Duration limit)
      throws IOException, InterruptedException {
    Process process = command.redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command.command() + " did not finish in " + limit);
    }
    return new Result(
        process.exitValue(),
        new String(output, StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .collect(Collectors.joining("\n")));
  }
}
