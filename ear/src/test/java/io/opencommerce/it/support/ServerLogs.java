package io.opencommerce.it.support;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The platform server's JSON log ({@code logs/messages.log} and the files it rolled over into), as
 * the log pipeline reads it: one JSON object a line — messages with their {@code ext_} fields,
 * requests (type {@code liberty_accesslog}), audit records.
 */
public final class ServerLogs {
  private static final Path LOGS =
      Path.of(System.getProperty("platform.server.dir", "target/liberty/wlp/usr/servers/platform"))
          .resolve("logs");

  private ServerLogs() {}

  /**
   * Waits until records containing {@code needle} (a cheap text filter, e.g. an id) include one
   * that {@code match} accepts, for at most {@code limit}; returns all the matching ones.
   */
  public static List<JsonObject> await(String needle, Predicate<JsonObject> match, Duration limit) {
    return poll(
        () -> records(needle).stream().filter(match).toList(), found -> !found.isEmpty(), limit);
  }

  /**
   * The lines of the text access log ({@code logs/http_access.log}: each request with its
   * correlation id and the {@code traceparent} it came with) that contain {@code needle}, once one
   * of them satisfies {@code until}, waiting at most {@code limit}.
   */
  public static List<String> awaitAccessLines(
      String needle, Predicate<String> until, Duration limit) {
    return poll(
        () -> {
          try (Stream<String> lines =
              Files.lines(LOGS.resolve("http_access.log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(needle)).toList();
          }
        },
        found -> found.stream().anyMatch(until),
        limit);
  }

  /** Reads {@code read} every 250 ms until what it answers satisfies {@code done}. */
  private static <T> List<T> poll(Callable<List<T>> read, Predicate<List<T>> done, Duration limit) {
    return Awaitility.await()
        .atMost(limit)
        .pollInterval(Duration.ofMillis(250))
        .until(read, done::test);
  }

  /** Every record containing {@code needle}, oldest first. */
  public static List<JsonObject> records(String needle) {
    List<JsonObject> records = new ArrayList<>();
    for (Path file : files()) {
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        lines
            .filter(line -> line.startsWith("{") && line.contains(needle))
            .forEach(
                line -> {
                  try {
                    records.add(Json.createReader(new StringReader(line)).readObject());
                  } catch (JsonException e) {
                    // a line still being written
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return records;
  }

  /** The rolled-over files by age, then the current one. */
  private static List<Path> files() {
    try (Stream<Path> all = Files.list(LOGS)) {
      List<Path> files =
          new ArrayList<>(
              all.filter(p -> p.getFileName().toString().matches("messages_.*\\.log"))
                  .sorted()
                  .toList());
      files.add(LOGS.resolve("messages.log"));
      return files.stream().filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The string field {@code name} of {@code record}, or null. */
  public static String field(JsonObject record, String name) {
    return record.containsKey(name) && !record.isNull(name) ? record.getString(name, null) : null;
  }
}
