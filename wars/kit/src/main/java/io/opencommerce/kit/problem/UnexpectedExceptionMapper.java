package io.opencommerce.kit.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: 500 with an incident id that is also in the log, and never a stack trace in the
 * response; except a transaction the database rolled back (deadlock, lock wait timeout), which is
 * 503 {@code transaction-conflict} with {@code Retry-After}: nothing changed, and sending the
 * request again works.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (rolledBackByTheDatabase(e)) {
      // A deadlock or a lock wait timeout: the database undid the whole transaction, so nothing
      // changed, and the same request succeeds when sent again.
      LOG.log(Level.WARNING, "Transaction rolled back by the database; answered 503", e);
      return Problems.response(
          503,
          "transaction-conflict",
          "Service unavailable",
          "The request met another one changing the same data; nothing was changed. Send it again.",
          null,
          Duration.ofSeconds(1));
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
    return Problems.response(
        500,
        "server-error",
        "Internal Server Error",
        "The request could not be completed (incident " + incident + ").");
  }

  /** A deadlock or lock wait timeout anywhere in the causes (SQLState class 40). */
  static boolean rolledBackByTheDatabase(Throwable e) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLTransactionRollbackException) {
        return true;
      }
    }
    return false;
  }
}
