package io.opencommerce.kit.security;

import io.opencommerce.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, read from its verified token. Ownership checks ("a customer
 * sees only their own …") go through {@link #requireSelfOrAdmin}.
 *
 * <p>The token is the container's caller principal. It is not injected as {@code JsonWebToken}: for
 * an anonymous caller (catalog reads, guest baskets) that injection logs an error on every request.
 */
@RequestScoped
public class CurrentUser {
  @Inject SecurityContext security;

  private JsonWebToken token;
  private boolean resolved;

  public boolean isAuthenticated() {
    JsonWebToken token = token();
    return token != null && token.getSubject() != null;
  }

  /** The signed-in person's id; 403 for a service token (services act for no one by default). */
  public UUID id() {
    if (!isAuthenticated()) {
      throw ProblemException.unauthorized("unauthorized", "Authentication is required.");
    }
    if (isService()) {
      throw ProblemException.forbidden("This request needs a person's token, not a service's.");
    }
    return UUID.fromString(token().getSubject());
  }

  /** Whether the caller is another service of the platform (a service token). */
  public boolean isService() {
    return hasRole(Roles.SERVICE) && token().getClaim(TokenClaims.SERVICE) != null;
  }

  /**
   * The calling service's name, from its service token; 403 for anyone else. Records a service
   * makes are scoped to it, so one service's token cannot act on another's.
   */
  public String service() {
    if (!isService()) {
      throw ProblemException.forbidden("Only the platform's services may make this request.");
    }
    Object name = token().getClaim(TokenClaims.SERVICE);
    return name instanceof JsonString json ? json.getString() : name.toString();
  }

  public String email() {
    return isAuthenticated() ? token().getName() : null;
  }

  public Set<String> roles() {
    if (!isAuthenticated()) {
      return Set.of();
    }
    Set<String> groups = token().getGroups();
    return groups == null ? Set.of() : groups;
  }

  /** False for an anonymous caller: callers need not check authentication first. */
  public boolean hasRole(String role) {
    return isAuthenticated() && roles().contains(role);
  }

  public boolean isAdmin() {
    return hasRole(Roles.ADMIN);
  }

  /** Support agents and administrators see every customer's records; customers their own. */
  public boolean seesAllCustomers() {
    return isAdmin() || hasRole(Roles.AGENT);
  }

  /**
   * The customer a list of customers' records is narrowed to: for staff, the one they asked for
   * (null: everyone); for a customer, themselves, and 403 if they asked for someone else.
   */
  public UUID listedCustomer(UUID requested, String records) {
    if (seesAllCustomers()) {
      return requested;
    }
    if (requested != null && !requested.equals(id())) {
      throw ProblemException.forbidden("Customers list only their own " + records + ".");
    }
    return id();
  }

  /** The caller's verified token, or null for an anonymous caller. */
  public JsonWebToken token() {
    if (!resolved) {
      Principal caller = security.getCallerPrincipal();
      token = caller instanceof JsonWebToken jwt ? jwt : null;
      resolved = true;
    }
    return token;
  }

  /** Refuses (404, so ids cannot be probed) unless the caller owns the resource or is an admin. */
  public void requireSelfOrAdmin(UUID ownerId, String what) {
    if (!isAdmin() && !id().equals(ownerId)) {
      throw ProblemException.notFound(what, ownerId);
    }
  }
}
