package io.opencommerce.kit.security;

import io.opencommerce.kit.logging.LogFields;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The security-relevant actions of every service, in one format: records of the logger {@code
 * io.opencommerce.security}, whose JSON log fields are
 *
 * <ul>
 *   <li>{@code ext_securityAction}: what was done or tried ({@code login}, {@code role-granted},
 *       {@code access-denied}, {@code staff-change}, …);
 *   <li>{@code ext_securityOutcome}: {@code success}, {@code denied} (refused: bad credentials,
 *       missing role, invalid input) or {@code failed} (the platform failed);
 *   <li>{@code ext_actor} (the caller's user id, {@code service:<name>}, or {@code anonymous}) and
 *       {@code ext_actorRoles};
 *   <li>{@code ext_target} (what it was done to: an account, a request path), {@code ext_detail};
 *   <li>{@code ext_site}, {@code ext_clientAddress}, {@code ext_correlationId}, and the trace's
 *       {@code ext_traceId} like every record.
 * </ul>
 *
 * The message repeats the essentials for a reader of the plain log. Secrets (passwords, tokens)
 * never go in; an e-mail address only as the target of an action on that account. Failures and
 * refusals are written at WARNING, successes at INFO.
 */
@ApplicationScoped
public class SecurityLog {
  /** The one logger of every service's security records. */
  public static final String LOGGER = "io.opencommerce.security";

  private static final Logger LOG = Logger.getLogger(LOGGER);

  /** How an action ended. */
  public enum Outcome {
    SUCCESS,
    DENIED,
    FAILED;

    String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Inject CurrentUser caller;
  @Inject CurrentRequest request;

  /** Records {@code action} by the current caller on {@code target}. */
  public void record(String action, Outcome outcome, String target, String detail) {
    record(action, outcome, actor(), roles(), target, detail);
  }

  /**
   * Records {@code action} by {@code actor} (an account acting before it has a token: a login, a
   * registration), with the request's site, address and correlation id.
   */
  public void record(
      String action, Outcome outcome, String actor, String roles, String target, String detail) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("securityAction", action);
    fields.put("securityOutcome", outcome.value());
    fields.put("actor", actor == null ? "anonymous" : actor);
    fields.put("actorRoles", roles);
    fields.put("target", target);
    fields.put("detail", detail);
    fields.put("site", request.site());
    fields.put("clientAddress", request.remoteAddress());
    fields.put("correlationId", request.correlationId());
    String message =
        "Security "
            + action
            + " "
            + outcome.value()
            + ": actor="
            + fields.get("actor")
            + (target == null ? "" : " target=" + target)
            + (detail == null ? "" : " (" + detail + ")");
    LogFields.log(LOG, outcome == Outcome.SUCCESS ? Level.INFO : Level.WARNING, message, fields);
  }

  private String actor() {
    try {
      if (!caller.isAuthenticated()) {
        return null;
      }
      return caller.isService() ? "service:" + caller.service() : caller.token().getSubject();
    } catch (ContextNotActiveException e) {
      return null;
    }
  }

  private String roles() {
    try {
      return caller.isAuthenticated() ? String.join(",", new TreeSet<>(caller.roles())) : null;
    } catch (ContextNotActiveException e) {
      return null;
    }
  }
}
