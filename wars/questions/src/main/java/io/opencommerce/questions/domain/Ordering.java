package io.opencommerce.questions.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The new order of a category's entries: those an administrator named, in the order named, then the
 * others in the order they had. Positions are then 0, 1, 2… in that order.
 */
public final class Ordering {
  private Ordering() {}

  /** Why an order cannot be taken: {@code index} names the offending id of the request. */
  public static final class InvalidOrderException extends RuntimeException {
    private final int index;

    InvalidOrderException(int index, String message) {
      super(message);
      this.index = index;
    }

    public int index() {
      return index;
    }
  }

  /**
   * {@code current} (the category's ids in their present order) rearranged with {@code requested}
   * first.
   *
   * @throws InvalidOrderException for an id that is not the category's, or named twice
   */
  public static <T> List<T> reorder(List<T> current, List<T> requested) {
    Set<T> known = new HashSet<>(current);
    Set<T> named = new LinkedHashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      T id = requested.get(i);
      if (!known.contains(id)) {
        throw new InvalidOrderException(i, "is not an entry of this category and language");
      }
      if (!named.add(id)) {
        throw new InvalidOrderException(i, "is named more than once");
      }
    }
    List<T> order = new ArrayList<>(named);
    for (T id : current) {
      if (!named.contains(id)) {
        order.add(id);
      }
    }
    return order;
  }
}
