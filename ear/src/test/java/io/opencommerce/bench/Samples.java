package io.opencommerce.bench;

import java.util.Arrays;

/** Latencies in microseconds, collected by one thread, merged and sorted for percentiles. */
final class Samples {
  private long[] values = new long[1024];
  private int size;

  void add(long micros) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = micros;
  }

  void addAll(Samples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  long[] sorted() {
    long[] copy = Arrays.copyOf(values, size);
    Arrays.sort(copy);
    return copy;
  }

  /** The nearest-rank percentile of sorted samples, in milliseconds; NaN when there are none. */
  static double percentileMillis(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(rank, sorted.length) - 1)] / 1000.0;
  }
}
