package io.opencommerce.deliveries.infrastructure;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Counts carriers' working days: Monday to Friday. */
public final class BusinessDays {
  private BusinessDays() {}

  /**
   * The day {@code days} working days after {@code from}: Saturdays and Sundays are skipped, so two
   * working days after a Friday (or a Saturday) is the Tuesday.
   */
  public static LocalDate add(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    LocalDate day = from;
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        left--;
      }
    }
    return day;
  }

  public static boolean isBusinessDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }
}
