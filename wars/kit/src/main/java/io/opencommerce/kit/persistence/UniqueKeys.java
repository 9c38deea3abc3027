package io.opencommerce.kit.persistence;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Two identical requests racing for one key (a SKU, an e-mail address, an idempotency key): the
 * database's unique key lets one insert win, and the loser answers the winner's record. Only a
 * violation of a unique key means "lost the race"; every other failure stays a failure.
 */
public final class UniqueKeys {
  /** MySQL and MariaDB: ER_DUP_ENTRY. */
  private static final int DUPLICATE_ENTRY = 1062;

  /** SQL standard state of a unique violation (drivers other than MySQL's). */
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueKeys() {}

  /** Whether {@code failure}, or one of its causes, is a unique key's violation. */
  public static boolean isViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && (sql.getErrorCode() == DUPLICATE_ENTRY
              || UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code insert}, which must commit (or fail) in its own transaction; if it lost a race on a
   * unique key, answers {@code winner} instead, read in a new transaction. Any other failure, or a
   * violation with no winner to be found, is rethrown.
   */
  public static <T> T insertOrWinner(Supplier<T> insert, Supplier<Optional<T>> winner) {
    try {
      return insert.get();
    } catch (RuntimeException e) {
      if (!isViolation(e)) {
        throw e;
      }
      return winner.get().orElseThrow(() -> e);
    }
  }
}
