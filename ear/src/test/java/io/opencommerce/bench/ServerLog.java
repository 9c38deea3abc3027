package io.opencommerce.bench;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Follows the server's {@code messages.log} (JSON lines) from the start of the run and counts what
 * went wrong meanwhile: messages at level SEVERE or ERROR, and FFDC incidents. When Liberty rolls
 * the file over, the old file is read to its end before the new one, so nothing is missed.
 */
final class ServerLog implements AutoCloseable {
  private final Path file;
  private final ScheduledExecutorService timer;
  private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
  private final Map<String, Long> problems = new HashMap<>();
  private FileChannel channel;
  private Object fileKey;
  private long jsonLines;
  private long otherLines;

  private ServerLog(Path file) {
    this.file = file;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "bench server log");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts following {@code file} from its current end. */
  static ServerLog follow(Path file) {
    ServerLog log = new ServerLog(file);
    try {
      log.open(true);
    } catch (IOException e) {
      // not there yet: read it from its start once it is
    }
    log.timer.scheduleWithFixedDelay(log::poll, 1, 1, TimeUnit.SECONDS);
    return log;
  }

  private void open(boolean atEnd) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    fileKey = key();
    if (atEnd) {
      channel.position(channel.size());
    }
  }

  private Object key() throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }

  private synchronized void poll() {
    try {
      if (channel == null) {
        if (!Files.exists(file)) {
          return;
        }
        open(false);
      }
      readToEnd();
      if (!Objects.equals(key(), fileKey)) { // rolled over: the old file is complete now
        readToEnd();
        channel.close();
        partialLine.reset();
        open(false);
        readToEnd();
      }
    } catch (IOException e) {
      // rolling over right now: the next poll catches up
    }
  }

  private void readToEnd() throws IOException {
    byte[] bytes = buffer.array();
    int read;
    while ((read = channel.read(buffer.clear())) > 0) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          partialLine.write(bytes, start, i - start);
          line(partialLine.toString(StandardCharsets.UTF_8));
          partialLine.reset();
          start = i + 1;
        }
      }
      partialLine.write(bytes, start, read - start);
    }
  }

  private void line(String line) {
    if (!line.startsWith("{")) {
      otherLines++;
      return;
    }
    jsonLines++;
    boolean ffdc = line.contains("\"type\":\"liberty_ffdc\"");
    if (!ffdc
        && !line.contains("\"loglevel\":\"SEVERE\"")
        && !line.contains("\"loglevel\":\"ERROR\"")) {
      return;
    }
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      JsonObject entry = reader.readObject();
      String kind =
          ffdc
              ? "FFDC " + entry.getString("ibm_exceptionName", "?")
              : entry.getString("ibm_messageId", abbreviate(entry.getString("message", "?")));
      problems.merge(kind, 1L, Long::sum);
    } catch (JsonException | ClassCastException e) {
      problems.merge(abbreviate(line), 1L, Long::sum);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }

  /** Stops following; a last read catches what the server wrote until now. */
  @Override
  public synchronized void close() {
    timer.shutdownNow();
    poll();
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // closing a file we only read
    }
  }

  /** One line for the report. */
  synchronized String summary() {
    if (channel == null && jsonLines == 0) {
      return "server log: not found at " + file;
    }
    if (jsonLines == 0 && otherLines > 0) {
      return "server log: not in JSON (LOG_FORMAT=json), not read: " + file;
    }
    long total = problems.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return "server log during the run: no SEVERE or ERROR message, no FFDC (" + file + ")";
    }
    return "server log during the run: "
        + total
        + " SEVERE/ERROR messages or FFDC incidents ("
        + file
        + "): "
        + problems.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(5)
            .map(e -> e.getKey() + " ×" + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
