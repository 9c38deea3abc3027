package io.opencommerce.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local stand-in for a production backing service (object storage, mail) run from a jar that the
 * build copies to {@code ear/target/backing/}. Its process is found by its command line (the jar of
 * this checkout), not by a pid file: whatever removed or rewrote {@code target/} in between, {@code
 * down} finds what {@code up} started, and never touches a process it did not start.
 */
final class BackingProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final URI probe;
  private final List<Integer> ports;
  private final List<String> javaOptions;
  private final List<String> arguments;
  private final Path log;

  /**
   * @param probe an address that answers HTTP once the process serves
   * @param ports every port the process binds (the probe's first)
   */
  BackingProcess(
      String name,
      Path jar,
      URI probe,
      List<Integer> ports,
      List<String> javaOptions,
      List<String> arguments) {
    this.name = name;
    this.jar = jar.toAbsolutePath().normalize();
    this.probe = probe;
    this.ports = List.copyOf(ports);
    this.javaOptions = List.copyOf(javaOptions);
    this.arguments = List.copyOf(arguments);
    this.log = this.jar.resolveSibling(name + ".log");
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  /** The process started from this checkout's jar, if it runs. */
  Optional<ProcessHandle> process() {
    String marker = jar.toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .findFirst();
  }

  /** Starts the process unless it (or something else answering its probe) serves already. */
  String start() throws IOException, InterruptedException {
    Optional<ProcessHandle> running = process();
    if (running.isPresent()) {
      awaitProbe(running.get());
      return "running (pid " + running.get().pid() + ")";
    }
    if (answers()) {
      return "reused: something not started here answers " + probe;
    }
    for (int port : ports) {
      if (Ports.open(port)) {
        throw new Failure(
            name,
            "port "
                + port
                + " is taken by another process; free it first (ss -ltnp 'sport = :"
                + port
                + "' shows which)");
      }
    }
    if (!Files.isRegularFile(jar)) {
      throw new Failure(
          name, jar + " is missing: run mvn -DskipTests install first (the build copies it there)");
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid"); // its own session: a closed terminal does not stop it
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    Files.writeString(
        log,
        "=== %s: %s started by liberty-config/local/platform ===%n"
            .formatted(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), name),
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    Process started =
        new ProcessBuilder(command)
            .redirectInput(Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .start();
    ProcessHandle handle = started.toHandle();
    awaitProbe(handle);
    ProcessHandle java = process().orElse(handle); // setsid may have forked
    return "started (pid " + java.pid() + ", log " + log + ")";
  }

  /** Stops the process started from this checkout: TERM, then KILL after a grace period. */
  String stop() throws InterruptedException {
    Optional<ProcessHandle> running = process();
    if (running.isEmpty()) {
      return Ports.open(ports.get(0))
          ? "not running (port " + ports.get(0) + " is held by a process not started here)"
          : "not running";
    }
    ProcessHandle process = running.get();
    process.destroy();
    Instant deadline = Instant.now().plus(STOP_TIMEOUT);
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    if (process.isAlive()) {
      process.destroyForcibly();
      return "killed (pid "
          + process.pid()
          + " ignored TERM for "
          + STOP_TIMEOUT.toSeconds()
          + " s)";
    }
    return "stopped (pid " + process.pid() + ")";
  }

  String state() {
    return process()
        .map(p -> "running (pid " + p.pid() + ")")
        .orElseGet(
            () ->
                Ports.open(ports.get(0))
                    ? "port " + ports.get(0) + " in use by a process not started here"
                    : "stopped");
  }

  private boolean answers() {
    try {
      HTTP.send(
          HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
          BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void awaitProbe(ProcessHandle process) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!answers()) {
      if (!process.isAlive() && process().isEmpty()) {
        throw new Failure(
            name, "the process exited before " + probe + " answered" + Logs.tail(log, 30));
      }
      if (Instant.now().isAfter(deadline)) {
        process().ifPresent(ProcessHandle::destroyForcibly);
        throw new Failure(
            name,
            probe
                + " did not answer within "
                + START_TIMEOUT.toSeconds()
                + " s; the process was stopped"
                + Logs.tail(log, 30));
      }
      Thread.sleep(500);
    }
  }
}
