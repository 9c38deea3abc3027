package io.opencommerce.kit.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One limit: at most {@code requests} in each {@code window}. Written {@code <requests>/<window>}
 * with an ISO-8601 duration ({@code 20/PT1M}, {@code 3/PT1H}); see {@link RateLimited}.
 */
public record RateLimit(long requests, Duration window) {
  private static final Pattern SPEC = Pattern.compile("\\s*([0-9]{1,9})\\s*/\\s*(\\S+)\\s*");

  public RateLimit {
    if (requests < 1 || window.isNegative() || window.toMillis() < 1) {
      throw new IllegalArgumentException("a limit needs at least one request and a window");
    }
  }

  /**
   * The limit {@code spec} writes; empty for {@code off} or nothing.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Optional<RateLimit> parse(String spec) {
    if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Matcher m = SPEC.matcher(spec);
    if (m.matches()) {
      try {
        return Optional.of(new RateLimit(Long.parseLong(m.group(1)), Duration.parse(m.group(2))));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "not a rate limit: \""
            + spec
            + "\" (expected <requests>/<ISO-8601 window>, e.g. 20/PT1M, or off)");
  }

  @Override
  public String toString() {
    return requests + "/" + window;
  }
}
