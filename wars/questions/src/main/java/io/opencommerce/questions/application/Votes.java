package io.opencommerce.questions.application;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * "Was this helpful?": one vote per visitor and published entry. A second vote by the same visitor
 * replaces the first and moves the counts, never adds to them. The entry's row is locked first, so
 * the votes of one entry are counted one after the other, and the primary key (entry, voter) holds
 * one vote per visitor whatever happens.
 */
@ApplicationScoped
@Transactional
public class Votes {
  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject FaqCache cache;

  /** The voter's vote on an entry, and the entry's counts with it. */
  public record Tally(UUID entryId, boolean helpful, long helpfulCount, long notHelpfulCount) {}

  /** Records {@code voter}'s vote; 404 for an entry that is not published on the site. */
  public Tally vote(UUID entryId, String voter, boolean helpful) {
    String id = entryId.toString();
    @SuppressWarnings("unchecked")
    List<Object[]> entry =
        em.createNativeQuery(
                "SELECT site, language, published FROM entries WHERE id = ? FOR UPDATE")
            .setParameter(1, id)
            .getResultList();
    if (entry.isEmpty() || !request.site().equals(entry.get(0)[0]) || !isTrue(entry.get(0)[2])) {
      throw ProblemException.notFound("Entry", entryId);
    }
    List<?> previous =
        em.createNativeQuery("SELECT helpful FROM votes WHERE entry_id = ? AND voter = ?")
            .setParameter(1, id)
            .setParameter(2, voter)
            .getResultList();
    Timestamp now = Timestamp.from(Instant.now());
    int helpfulDelta = 0;
    int notHelpfulDelta = 0;
    if (previous.isEmpty()) {
      em.createNativeQuery(
              "INSERT INTO votes (entry_id, voter, helpful, voted_at) VALUES (?, ?, ?, ?)")
          .setParameter(1, id)
          .setParameter(2, voter)
          .setParameter(3, helpful)
          .setParameter(4, now)
          .executeUpdate();
      helpfulDelta = helpful ? 1 : 0;
      notHelpfulDelta = helpful ? 0 : 1;
    } else if (isTrue(previous.get(0)) != helpful) {
      em.createNativeQuery(
              "UPDATE votes SET helpful = ?, voted_at = ? WHERE entry_id = ? AND voter = ?")
          .setParameter(1, helpful)
          .setParameter(2, now)
          .setParameter(3, id)
          .setParameter(4, voter)
          .executeUpdate();
      helpfulDelta = helpful ? 1 : -1;
      notHelpfulDelta = -helpfulDelta;
    }
    if (helpfulDelta != 0 || notHelpfulDelta != 0) {
      em.createNativeQuery(
              "UPDATE entries SET helpful = helpful + ?, not_helpful = not_helpful + ?"
                  + " WHERE id = ?")
          .setParameter(1, helpfulDelta)
          .setParameter(2, notHelpfulDelta)
          .setParameter(3, id)
          .executeUpdate();
      cache.changed((String) entry.get(0)[0], (String) entry.get(0)[1], entryId);
    }
    Object[] counts =
        (Object[])
            em.createNativeQuery("SELECT helpful, not_helpful FROM entries WHERE id = ?")
                .setParameter(1, id)
                .getSingleResult();
    return new Tally(
        entryId, helpful, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
  }

  /** A BOOLEAN column as the driver gives it (a Boolean, or a number for TINYINT). */
  static boolean isTrue(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }
}
