package io.opencommerce.kit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UniqueKeysTest {
  private static final SQLException DUPLICATE =
      new SQLIntegrityConstraintViolationException(
          "Duplicate entry 'x' for key 'uk_sku'", "23000", 1062);
  private static final SQLException FOREIGN_KEY =
      new SQLIntegrityConstraintViolationException(
          "Cannot add or update a child row", "23000", 1452);

  @Test
  void findsTheDuplicateEntryBehindThePersistenceLayersWrapping() {
    assertThat(UniqueKeys.isViolation(new PersistenceException(new RuntimeException(DUPLICATE))))
        .isTrue();
    assertThat(UniqueKeys.isViolation(new SQLException("unique", "23505"))).isTrue();
  }

  @Test
  void otherIntegrityFailuresAreNotARaceLost() {
    assertThat(UniqueKeys.isViolation(new PersistenceException(FOREIGN_KEY))).isFalse();
    assertThat(UniqueKeys.isViolation(new PersistenceException("lock wait timeout"))).isFalse();
    assertThat(UniqueKeys.isViolation(null)).isFalse();
  }

  @Test
  void theLoserAnswersTheWinner() {
    String answer =
        UniqueKeys.insertOrWinner(
            () -> {
              throw new PersistenceException(DUPLICATE);
            },
            () -> Optional.of("winner"));
    assertThat(answer).isEqualTo("winner");
  }

  @Test
  void anyOtherFailureIsRethrownWithoutLookingForAWinner() {
    PersistenceException timeout = new PersistenceException("lock wait timeout");
    assertThatThrownBy(
            () ->
                UniqueKeys.insertOrWinner(
                    () -> {
                      throw timeout;
                    },
                    () -> {
                      throw new AssertionError("no winner is looked for");
                    }))
        .isSameAs(timeout);
  }

  @Test
  void aViolationWithoutAWinnerIsRethrown() {
    PersistenceException lost = new PersistenceException(DUPLICATE);
    assertThatThrownBy(
            () ->
                UniqueKeys.insertOrWinner(
                    () -> {
                      throw lost;
                    },
                    Optional::empty))
        .isSameAs(lost);
  }
}
