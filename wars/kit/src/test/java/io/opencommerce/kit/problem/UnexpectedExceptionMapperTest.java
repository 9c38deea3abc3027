package io.opencommerce.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** Which failures are a transaction the database undid (answered 503, to be sent again). */
class UnexpectedExceptionMapperTest {

  @Test
  void aDeadlockDeepInTheCausesIsOne() {
    RollbackException rolledBack = new RollbackException("rolled back");
    rolledBack.initCause(
        new PersistenceException(
            "EclipseLink-4002",
            new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock", "40001")));

    assertThat(
            UnexpectedExceptionMapper.rolledBackByTheDatabase(
                new IllegalStateException("transactional", rolledBack)))
        .isTrue();
  }

  @Test
  void otherDatabaseFailuresAreNot() {
    assertThat(
            UnexpectedExceptionMapper.rolledBackByTheDatabase(
                new PersistenceException(new SQLException("Duplicate entry", "23000"))))
        .isFalse();
    assertThat(UnexpectedExceptionMapper.rolledBackByTheDatabase(new IllegalStateException()))
        .isFalse();
  }
}
