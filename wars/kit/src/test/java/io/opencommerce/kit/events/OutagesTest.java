package io.opencommerce.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class OutagesTest {
  @Test
  void aDependencyThatCannotBeReachedIsAnOutageHoweverDeepItsCause() {
    assertThat(
            Outages.isOutage(
                new PersistenceException(
                    "Exception [EclipseLink-4002]",
                    new SQLException("Communications link failure", "08S01"))))
        .isTrue();
    assertThat(
            Outages.isOutage(
                new IllegalStateException(new SQLTransientConnectionException("pool timed out"))))
        .isTrue();
    assertThat(Outages.isOutage(new RuntimeException(new ConnectException("refused")))).isTrue();
    assertThat(Outages.isOutage(new JedisConnectionException("Unexpected end of stream"))).isTrue();
  }

  @Test
  void whatTheMessageItselfCausesIsNoOutage() {
    assertThat(
            Outages.isOutage(
                new PersistenceException(
                    new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))))
        .isFalse();
    assertThat(Outages.isOutage(new IllegalArgumentException("Order has no shipping address")))
        .isFalse();
    assertThat(Outages.isOutage(new NullPointerException())).isFalse();
  }

  @Test
  void aCauseChainThatLoopsEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(Outages.isOutage(a)).isFalse();
  }
}
