package io.opencommerce.sav.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service levels promised per priority: how long after its opening a ticket must have a first
 * reply from staff, and how long until it is resolved. Read from {@code
 * sav.sla.first-response.<priority>} and {@code sav.sla.resolution.<priority>} (ISO-8601 durations,
 * priority in lower case); a priority left out keeps its default.
 */
public final class SlaPolicy {
  private static final Map<Priority, Duration> FIRST_RESPONSE =
      Map.of(
          Priority.LOW, Duration.ofHours(48),
          Priority.NORMAL, Duration.ofHours(24),
          Priority.HIGH, Duration.ofHours(4),
          Priority.URGENT, Duration.ofHours(1));
  private static final Map<Priority, Duration> RESOLUTION =
      Map.of(
          Priority.LOW, Duration.ofDays(10),
          Priority.NORMAL, Duration.ofDays(5),
          Priority.HIGH, Duration.ofDays(2),
          Priority.URGENT, Duration.ofHours(24));

  private final Map<Priority, Duration> firstResponse;
  private final Map<Priority, Duration> resolution;

  /** The two deadlines of a ticket. */
  public record Deadlines(Instant firstResponseDue, Instant resolutionDue) {}

  private SlaPolicy(Map<Priority, Duration> firstResponse, Map<Priority, Duration> resolution) {
    this.firstResponse = new EnumMap<>(firstResponse);
    this.resolution = new EnumMap<>(resolution);
  }

  public static SlaPolicy defaults() {
    return new SlaPolicy(FIRST_RESPONSE, RESOLUTION);
  }

  /**
   * The policy configured by {@code setting} (a configuration lookup: key → value). A value that is
   * not a positive ISO-8601 duration is refused, naming its key, so a mistyped setting stops the
   * service instead of promising nothing.
   */
  public static SlaPolicy from(Function<String, Optional<String>> setting) {
    Map<Priority, Duration> first = new EnumMap<>(Priority.class);
    Map<Priority, Duration> resolve = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      String name = priority.name().toLowerCase(Locale.ROOT);
      first.put(
          priority, read(setting, "sav.sla.first-response." + name, FIRST_RESPONSE.get(priority)));
      resolve.put(priority, read(setting, "sav.sla.resolution." + name, RESOLUTION.get(priority)));
    }
    return new SlaPolicy(first, resolve);
  }

  private static Duration read(
      Function<String, Optional<String>> setting, String key, Duration fallback) {
    Optional<String> value = setting.apply(key);
    if (value.isEmpty() || value.get().isBlank()) {
      return fallback;
    }
    try {
      Duration parsed = Duration.parse(value.get().strip());
      if (parsed.isNegative() || parsed.isZero()) {
        throw new IllegalArgumentException(key + " must be a positive duration");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration such as PT4H", e);
    }
  }

  /** The deadlines of a ticket of {@code priority} opened {@code openedAt}. */
  public Deadlines deadlines(Priority priority, Instant openedAt) {
    return new Deadlines(
        openedAt.plus(firstResponse.get(priority)), openedAt.plus(resolution.get(priority)));
  }

  public Duration firstResponse(Priority priority) {
    return firstResponse.get(priority);
  }

  public Duration resolution(Priority priority) {
    return resolution.get(priority);
  }
}
