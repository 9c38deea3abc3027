package io.opencommerce.auth.application;

import io.opencommerce.auth.domain.User;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds and stores accounts. */
@ApplicationScoped
public class Users {
  @PersistenceContext EntityManager em;

  public Optional<User> byEmail(String email) {
    return em.createQuery("SELECT u FROM User u WHERE u.email = :email", User.class)
        .setParameter("email", User.normalizeEmail(email))
        .getResultStream()
        .findFirst();
  }

  /**
   * Locks the account's row for the rest of the transaction and reloads it: concurrent writers of
   * one account (logins counting failures, password changes) queue up.
   */
  public void lock(User user) {
    em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
  }

  public User get(UUID id) {
    User user = em.find(User.class, id.toString());
    if (user == null) {
      throw ProblemException.notFound("User", id);
    }
    return user;
  }

  public User getForUpdate(UUID id) {
    User user = em.find(User.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (user == null) {
      throw ProblemException.notFound("User", id);
    }
    return user;
  }

  public void add(User user) {
    em.persist(user);
    em.flush();
  }

  public boolean anyWithRole(String role) {
    return !em.createQuery("SELECT u.id FROM User u JOIN u.roles r WHERE r = :role", String.class)
        .setParameter("role", role)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public long countWithRole(String role) {
    return em.createQuery("SELECT COUNT(u) FROM User u JOIN u.roles r WHERE r = :role", Long.class)
        .setParameter("role", role)
        .getSingleResult();
  }

  /** A page of accounts, newest first, optionally filtered by e-mail prefix and role. */
  public List<User> page(String emailPrefix, String role, int limit, int offset) {
    QueryFilter where = filter(emailPrefix, role);
    return where
        .bind(
            em.createQuery(
                "SELECT DISTINCT u FROM User u LEFT JOIN u.roles r"
                    + where.where()
                    + " ORDER BY u.createdAt DESC, u.id",
                User.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(String emailPrefix, String role) {
    QueryFilter where = filter(emailPrefix, role);
    return where
        .bind(
            em.createQuery(
                "SELECT COUNT(DISTINCT u) FROM User u LEFT JOIN u.roles r" + where.where(),
                Long.class))
        .getSingleResult();
  }

  /** Accounts whose e-mail starts with {@code emailPrefix} (taken literally) and with a role. */
  private static QueryFilter filter(String emailPrefix, String role) {
    String pattern =
        emailPrefix == null
            ? null
            : User.normalizeEmail(emailPrefix)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                + "%";
    return new QueryFilter()
        .and("u.email LIKE :email", "email", pattern)
        .and("r = :role", "role", role);
  }
}
