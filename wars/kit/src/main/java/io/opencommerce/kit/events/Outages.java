package io.opencommerce.kit.events;

import io.opencommerce.kit.client.UpstreamFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure of what a handler depends on (its database, Redis, another service: down or
 * unreachable for now) from a failure of the message itself. The first says nothing about the
 * event, and retrying it after a pause will work once the dependency is back; the second would fail
 * the same way however often it is tried.
 */
final class Outages {
  /** SQLState class 08: connection exception (the database cannot be reached or went away). */
  private static final String CONNECTION_CLASS = "08";

  private Outages() {}

  static boolean isOutage(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException
          || t instanceof SocketException
          || t instanceof UpstreamFailure
          || t instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(CONNECTION_CLASS)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (isOutage(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }
}
