package io.opencommerce.kit.security;

import io.opencommerce.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, read from its verified token. Ownership checks ("a customer
 * sees only their own …") go through {@link #requireSelfOrAdmin}.
 */
@RequestScoped
public class CurrentUser {
  @Inject JsonWebToken token;

  public boolean isAuthenticated() {
    return token != null && token.getSubject() != null;
  }

  public UUID id() {
    if (!isAuthenticated()) {
      throw ProblemException.unauthorized("unauthorized", "Authentication is required.");
    }
    return UUID.fromString(token.getSubject());
  }

  public String email() {
    return token.getName();
  }

  public Set<String> roles() {
    Set<String> groups = token.getGroups();
    return groups == null ? Set.of() : groups;
  }

  /** False for an anonymous caller: callers need not check authentication first. */
  public boolean hasRole(String role) {
    return isAuthenticated() && roles().contains(role);
  }

  public boolean isAdmin() {
    return hasRole(Roles.ADMIN);
  }

  public JsonWebToken token() {
    return token;
  }

  /** Refuses (404, so ids cannot be probed) unless the caller owns the resource or is an admin. */
  public void requireSelfOrAdmin(UUID ownerId, String what) {
    if (!isAdmin() && !id().equals(ownerId)) {
      throw ProblemException.notFound(what, ownerId);
    }
  }
}
