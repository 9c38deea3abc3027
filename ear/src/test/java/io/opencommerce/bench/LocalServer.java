package io.opencommerce.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Liberty server process on this machine, and the machine itself, as {@code /proc} shows them.
 * The process is a {@code java} whose command line runs {@code ws-server.jar} with the server's
 * name; its working directory is the server's directory (where {@code dropins/} and {@code logs/}
 * are).
 */
final class LocalServer {
  private final Long pid;
  private final Path directory;

  private LocalServer(Long pid, Path directory) {
    this.pid = pid;
    this.directory = directory;
  }

  /**
   * Finds the server: {@code pid} and {@code directory} when given, otherwise from the process;
   * without a process, the server's directory where the build creates it.
   */
  static LocalServer find(String name, Long pid, Path directory) {
    Long found = pid != null ? pid : scan(name).orElse(null);
    Path dir = directory;
    if (dir == null && found != null) {
      dir = directoryOf(found, name).orElse(null);
    }
    if (dir == null) {
      Path fromRoot = Path.of("ear/target/liberty/wlp/usr/servers", name);
      dir =
          Files.isDirectory(fromRoot) ? fromRoot : Path.of("target/liberty/wlp/usr/servers", name);
    }
    return new LocalServer(found, dir.toAbsolutePath().normalize());
  }

  Optional<Long> pid() {
    return Optional.ofNullable(pid);
  }

  Path directory() {
    return directory;
  }

  /** The process's resident memory ({@code VmRSS}), or "n/a". */
  String rss() {
    if (pid == null) {
      return "n/a";
    }
    return line(Path.of("/proc", pid.toString(), "status"), "VmRSS:")
        .map(LocalServer::kilobytes)
        .map(kb -> String.format("%,d MiB", kb / 1024))
        .orElse("n/a");
  }

  /** Cores, memory, CPU model, OS and Java of this machine. */
  static String machine() {
    String memory =
        line(Path.of("/proc/meminfo"), "MemTotal:")
            .map(LocalServer::kilobytes)
            .map(kb -> String.format("%.1f GiB RAM", kb / 1024.0 / 1024.0))
            .orElse("RAM n/a");
    String cpu =
        line(Path.of("/proc/cpuinfo"), "model name")
            .map(l -> " (" + l.substring(l.indexOf(':') + 1).strip() + ")")
            .orElse("");
    return String.format(
        "%d cores%s, %s, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memory,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  /** The pid of a java process running {@code ws-server.jar <name>}. */
  private static Optional<Long> scan(String name) {
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        long pid = Long.parseLong(process.getFileName().toString());
        if (pid != self && isServer(commandLine(pid), name)) {
          return Optional.of(pid);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux): no process to report on
    }
    return Optional.empty();
  }

  private static boolean isServer(List<String> args, String name) {
    if (args.isEmpty() || !Path.of(args.get(0)).getFileName().toString().startsWith("java")) {
      return false;
    }
    for (int i = 1; i < args.size() - 1; i++) {
      if (args.get(i).endsWith("ws-server.jar")
          && args.subList(i + 1, args.size()).contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      List<String> args = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == 0) {
          args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      return args;
    } catch (IOException e) {
      return List.of(); // gone, or not ours to read
    }
  }

  /**
   * The server's directory: Liberty runs in it (its working directory); failing that, {@code
   * usr/servers/<name>} of the installation whose {@code bin/tools/ws-server.jar} it runs.
   */
  private static Optional<Path> directoryOf(long pid, String name) {
    List<Path> candidates = new ArrayList<>();
    try {
      candidates.add(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
    } catch (IOException | UnsupportedOperationException e) {
      // not ours to read
    }
    for (String arg : commandLine(pid)) {
      Path tools = Path.of(arg).getParent(); // <wlp>/bin/tools
      if (arg.endsWith("ws-server.jar") && tools != null && tools.getParent() != null) {
        Path wlp = tools.getParent().getParent();
        if (wlp != null) {
          candidates.add(wlp.resolve("usr/servers").resolve(name));
        }
      }
    }
    return candidates.stream()
        .filter(d -> Files.isRegularFile(d.resolve("server.xml")))
        .findFirst();
  }

  private static Optional<String> line(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code VmRSS: 1449020 kB} → 1449020. */
  private static long kilobytes(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
