package io.opencommerce.sav.application;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.storage.ObjectStorage;
import io.opencommerce.sav.application.Tickets.Caller;
import io.opencommerce.sav.domain.Attachment;
import io.opencommerce.sav.domain.AttachmentStatus;
import io.opencommerce.sav.domain.ContentScanner;
import io.opencommerce.sav.domain.FileType;
import io.opencommerce.sav.domain.Ticket;
import io.opencommerce.sav.domain.TicketStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files attached to tickets, in the service's bucket. An upload is checked before anything is kept:
 * the ticket is the caller's (or the caller is staff) and not closed, the file is one of the
 * accepted kinds by its signature (415 otherwise, whatever its name or declared type), within the
 * cap per file and the cap per ticket (413). Then its record ({@code SCANNING}) and its object
 * (under a key of ids only) are written together: a record whose transaction rolls back takes its
 * object with it. The {@link ContentScanner} then makes it {@code AVAILABLE} or {@code REJECTED}
 * (its bytes deleted); downloads are short-lived presigned URLs, for available files only.
 */
@ApplicationScoped
@Transactional
public class Attachments {
  private static final Logger LOG = Logger.getLogger(Attachments.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Tickets tickets;
  @Inject SavSettings settings;
  @Inject ObjectStorage storage;
  @Inject ContentScanner scanner;
  @Resource TransactionSynchronizationRegistry transactions;

  /** A download link and when it stops working. */
  public record Link(Attachment attachment, String url, Instant expiresAt) {}

  /** Stores a file for the ticket; see the class comment for what is refused. */
  public Attachment upload(UUID ticketId, Caller caller, String name, byte[] content) {
    Ticket ticket = tickets.visible(ticketId, caller);
    if (ticket.status() == TicketStatus.CLOSED) {
      throw ProblemException.conflict(
          "ticket-closed", "Ticket " + ticket.number() + " is closed: it takes no more files.");
    }
    if (content.length == 0) {
      throw ProblemException.badRequest("empty-attachment", "The file is empty.");
    }
    if (content.length > settings.maxFileBytes()) {
      throw ProblemException.payloadTooLarge(settings.maxFileBytes())
          .with("limit", "per-file")
          .with("maxBytes", settings.maxFileBytes());
    }
    FileType type =
        FileType.sniff(content)
            .orElseThrow(
                () ->
                    ProblemException.unsupportedMediaType(
                        "unsupported-attachment-type",
                        "The file is "
                            + FileType.describe(content)
                            + ": a ticket takes PNG, JPEG, GIF, WebP and PDF files only."));
    em.refresh(ticket, LockModeType.PESSIMISTIC_WRITE); // uploads to one ticket queue up
    if (!ticket.hasRoomFor(content.length, settings.maxTicketBytes())) {
      throw ProblemException.payloadTooLarge(
              Math.max(0, settings.maxTicketBytes() - ticket.attachmentBytes()))
          .with("limit", "per-ticket")
          .with("maxBytes", settings.maxTicketBytes());
    }
    Instant now = Instant.now();
    Attachment attachment =
        new Attachment(
            UUID.randomUUID(), ticket.id(), name.strip(), type, content.length, caller.id(), now);
    em.persist(attachment);
    ticket.attachmentBytes(content.length);
    em.flush();
    String key = attachment.objectKey();
    transactions.registerInterposedSynchronization(deleteUnlessCommitted(key));
    try {
      storage.put(key, new ByteArrayInputStream(content), content.length, type.contentType());
    } catch (Exception e) {
      // The record rolls back with the request, and the object, if any, is deleted with it.
      LOG.log(Level.WARNING, "Storing attachment " + key + " failed", e);
      throw ProblemException.storageUnavailable();
    }
    LOG.info(
        () ->
            "Stored attachment "
                + attachment.id()
                + " ("
                + type
                + ", "
                + content.length
                + " bytes) of ticket "
                + ticket.number());
    return attachment;
  }

  /**
   * Runs the scanner on a stored file whose bytes the caller holds (the upload): the attachment
   * becomes available or rejected. A scanner that fails leaves it {@code SCANNING} for {@link
   * #scanPending}.
   */
  public Attachment scan(UUID attachmentId, byte[] content) {
    Attachment attachment = em.find(Attachment.class, attachmentId.toString());
    if (attachment == null || attachment.status() != AttachmentStatus.SCANNING) {
      return attachment;
    }
    judge(attachment, content);
    return attachment;
  }

  /**
   * Scans files left {@code SCANNING} for {@code sav.attachments.rescan-after} (the scanner failed
   * at upload), up to {@code max} of them; replicas claim different ones.
   */
  public int scanPending(int max) throws Exception {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM ticket_attachments WHERE status = 'SCANNING' AND uploaded_at < ?"
                    + " ORDER BY uploaded_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, Timestamp.from(Instant.now().minus(settings.rescanAfter())))
            .setParameter(2, max)
            .getResultList();
    int done = 0;
    for (String id : ids) {
      Attachment attachment = em.find(Attachment.class, id);
      judge(attachment, storage.get(attachment.objectKey()));
      done++;
    }
    return done;
  }

  private void judge(Attachment attachment, byte[] content) {
    ContentScanner.Verdict verdict;
    try {
      verdict = scanner.scan(content, FileType.sniff(content).orElseThrow());
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "Scanning attachment {0} failed ({1}); it stays SCANNING and is tried again",
          new Object[] {attachment.id(), e.toString()});
      return;
    }
    attachment.scanned(verdict, Instant.now());
    if (attachment.status() == AttachmentStatus.REJECTED) {
      Ticket ticket = em.find(Ticket.class, attachment.ticketId().toString());
      if (ticket != null) {
        ticket.attachmentBytes(-attachment.size());
      }
      delete(attachment.objectKey());
      LOG.warning(() -> "Attachment " + attachment.id() + " was rejected by the content scanner");
    }
  }

  /**
   * A presigned URL for an attachment of a ticket the caller may see: 404 for another ticket's
   * attachment, 409 {@code attachment-not-available} while it is scanned or once rejected.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Link link(UUID ticketId, UUID attachmentId, Caller caller) {
    Ticket ticket = tickets.visible(ticketId, caller);
    Attachment attachment = em.find(Attachment.class, attachmentId.toString());
    if (attachment == null || !attachment.ticketId().equals(ticket.id())) {
      throw ProblemException.notFound("Attachment", attachmentId);
    }
    if (attachment.status() != AttachmentStatus.AVAILABLE) {
      throw ProblemException.conflict(
          "attachment-not-available",
          "Attachment " + attachmentId + " is " + attachment.status() + ", not downloadable.");
    }
    try {
      Instant expires = Instant.now().plus(settings.urlValidity());
      return new Link(
          attachment,
          storage.presignedGet(attachment.objectKey(), settings.urlValidity()),
          expires);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Signing a URL for " + attachment.objectKey() + " failed", e);
      throw ProblemException.storageUnavailable();
    }
  }

  private Synchronization deleteUnlessCommitted(String key) {
    return new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status != Status.STATUS_COMMITTED) {
          delete(key);
        }
      }
    };
  }

  private void delete(String key) {
    try {
      storage.delete(key);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Deleting object {0} failed: {1}", new Object[] {key, e.toString()});
    }
  }
}
