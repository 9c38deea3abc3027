package io.opencommerce.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The end of a log file, indented, to append to an error message. */
final class Logs {
  private Logs() {}

  static String tail(Path file, int lines) {
    List<String> all;
    try {
      all = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "\n  (" + file + " is missing or unreadable)";
    }
    if (all.isEmpty()) {
      return "\n  (" + file + " is empty)";
    }
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
        .map(line -> "  | " + line)
        .collect(
            Collectors.joining(
                "\n", "\n  --- last " + lines + " lines of " + file + " ---\n", "\n  ---"));
  }
}
