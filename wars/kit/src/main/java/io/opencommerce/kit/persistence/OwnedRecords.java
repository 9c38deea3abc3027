package io.opencommerce.kit.persistence;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Finds one record by id for a caller: it must exist on the request's site and be the caller's to
 * see. Anything else is the same 404 as an id that does not exist, so ids cannot be probed across
 * customers or sites. The problem names the record by its type ({@code Order}, {@code Address}).
 */
@ApplicationScoped
public class OwnedRecords {
  @Inject CurrentRequest request;

  /**
   * The customer's record, for its owner or for staff who see every customer's records ({@code
   * seesAll}); 404 otherwise.
   */
  public <T extends Owned> T find(
      EntityManager em, Class<T> type, UUID id, UUID caller, boolean seesAll) {
    return find(em, type, id, r -> seesAll || (caller != null && r.isOwnedBy(caller)));
  }

  /** The record on this site if {@code visible} lets the caller see it; 404 otherwise. */
  public <T extends SiteScoped> T find(
      EntityManager em, Class<T> type, UUID id, Predicate<? super T> visible) {
    T record = em.find(type, id.toString());
    if (record == null || !request.site().equals(record.site()) || !visible.test(record)) {
      throw ProblemException.notFound(type.getSimpleName(), id);
    }
    return record;
  }
}
