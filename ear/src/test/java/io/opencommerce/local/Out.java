package io.opencommerce.local;

import java.util.List;

/**
 * What the local platform tells its operator: one line per step, "component: message", in colour on
 * a terminal unless NO_COLOR is set.
 */
final class Out {
  private static final boolean COLOUR =
      System.console() != null && System.getenv("NO_COLOR") == null;

  private Out() {}

  static void info(String component, String message) {
    System.out.println(colour("1", component + ":") + " " + message);
  }

  static void ok(String component, String message) {
    System.out.println(colour("32", component + ":") + " " + message);
  }

  static void warn(String component, String message) {
    System.err.println(colour("33", component + ": warning:") + " " + message);
  }

  static void error(String component, String message) {
    System.err.println(colour("31", component + ": error:") + " " + message);
  }

  static String bold(String text) {
    return colour("1", text);
  }

  /** Rows under a bold header, each column as wide as its widest cell. */
  static void table(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (List<String> row : concat(header, rows)) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    System.out.println(bold(line(header, width)));
    rows.forEach(row -> System.out.println(line(row, width)));
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(header), rows.stream())
        .toList();
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(i == cells.size() - 1 ? cell : cell + " ".repeat(width[i] - cell.length() + 2));
    }
    return line.toString();
  }

  private static String colour(String code, String text) {
    return COLOUR ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
