package io.opencommerce.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's one table (markdown), the checks' verdicts and the notes, printed at the end. */
final class Report {
  private static final String[] HEADER = {
    "scenario", "concurrency", "requests/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio"
  };

  private final List<String[]> rows = new ArrayList<>();
  private final List<String> checks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private boolean failed;

  /**
   * A measured scenario; {@code reference} is the trivial endpoint's requests/s at the same
   * concurrency (null: no ratio).
   */
  void add(Load.Result result, Double reference) {
    long[] micros = result.micros();
    rows.add(
        new String[] {
          result.scenario(),
          Integer.toString(result.concurrency()),
          perSecond(result.perSecond()),
          millis(Samples.percentileMillis(micros, 50)),
          millis(Samples.percentileMillis(micros, 95)),
          millis(Samples.percentileMillis(micros, 99)),
          result.errors() + (result.shed() > 0 ? " (shed " + result.shed() + ")" : ""),
          reference == null || reference == 0 ? "—" : ratio(result.perSecond() / reference)
        });
    if (!result.errorKinds().isEmpty()) {
      note(
          result.scenario()
              + " @"
              + result.concurrency()
              + ", errors: "
              + kinds(result.errorKinds()));
    }
    if (!result.preparationFailures().isEmpty()) {
      note(
          result.scenario()
              + " @"
              + result.concurrency()
              + ", unmeasured steps failed (the iteration was skipped): "
              + kinds(result.preparationFailures()));
    }
  }

  /** A delay rather than a request: no throughput, no ratio; {@code missing} counts as errors. */
  void addDelay(String scenario, long[] sortedMicros, int missing) {
    rows.add(
        new String[] {
          scenario,
          "—",
          "—",
          millis(Samples.percentileMillis(sortedMicros, 50)),
          millis(Samples.percentileMillis(sortedMicros, 95)),
          millis(Samples.percentileMillis(sortedMicros, 99)),
          Integer.toString(missing),
          "—"
        });
  }

  void check(boolean passed, String what) {
    checks.add((passed ? "PASS " : "FAIL ") + what);
    failed |= !passed;
  }

  void note(String note) {
    notes.add(note);
  }

  boolean failed() {
    return failed;
  }

  void print(PrintStream out, String ratioHeader, List<String> preamble, List<String> footer) {
    String[] header = HEADER.clone();
    header[header.length - 1] = ratioHeader;
    int[] widths = new int[header.length];
    for (String[] row : rowsWith(header)) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println();
    preamble.forEach(out::println);
    out.println();
    printRow(out, header, widths);
    String[] rule = new String[header.length];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    printRow(out, rule, widths);
    rows.forEach(row -> printRow(out, row, widths));
    out.println();
    checks.forEach(out::println);
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(note -> out.println("- " + note));
    }
    out.println();
    footer.forEach(out::println);
  }

  private List<String[]> rowsWith(String[] header) {
    List<String[]> all = new ArrayList<>(rows);
    all.add(header);
    return all;
  }

  private static void printRow(PrintStream out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      // Numbers right-aligned, text left-aligned.
      String format = i == 0 || i == cells.length - 2 ? " %-" : " %";
      line.append(String.format(format + widths[i] + "s |", cells[i]));
    }
    out.println(line);
  }

  private static String kinds(Map<String, Long> kinds) {
    StringBuilder text = new StringBuilder();
    kinds.forEach(
        (kind, n) ->
            text.append(text.length() == 0 ? "" : ", ").append(n).append(" × ").append(kind));
    return text.toString();
  }

  static String perSecond(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
  }

  static String millis(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    String format = Math.abs(value) < 10 ? "%.2f" : Math.abs(value) < 100 ? "%.1f" : "%,.0f";
    return String.format(Locale.ROOT, format, value);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, value >= 0.1 ? "%.2f" : "%.3f", value);
  }
}
