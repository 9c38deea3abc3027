package io.opencommerce.sav.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a ticket is about, as the customer chose it. Customers never set a priority: the category
 * gives it (a payment problem comes before a question about a product), and staff change it.
 */
public enum Category {
  ORDER(Priority.NORMAL),
  DELIVERY(Priority.NORMAL),
  PAYMENT(Priority.HIGH),
  RETURN(Priority.NORMAL),
  PRODUCT(Priority.LOW),
  ACCOUNT(Priority.NORMAL),
  OTHER(Priority.NORMAL);

  private final Priority priority;

  Category(Priority priority) {
    this.priority = priority;
  }

  /** The priority a new ticket of this category gets. */
  public Priority priority() {
    return priority;
  }

  /** The category's code in the API: its name in lower case ({@code order}, {@code payment}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Category> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
  }
}
