package io.opencommerce.sav.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file attached to a ticket. Its bytes are in the service's bucket under a key made of ids only
 * ({@link #objectKey()}); the name the customer gave it is only shown. Its content type is the one
 * its signature says ({@link FileType}), never the one declared.
 */
@Entity
@Table(name = "ticket_attachments")
public class Attachment {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "ticket_id", nullable = false, length = 36)
  private String ticketId;

  @Column(name = "file_name", nullable = false, length = 200)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AttachmentStatus status;

  @Column(name = "uploaded_by", nullable = false, length = 36)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "scanned_at")
  private Instant scannedAt;

  protected Attachment() {}

  /** A file just stored: {@code SCANNING} until the scanner has judged it. */
  public Attachment(
      UUID id,
      UUID ticketId,
      String fileName,
      FileType type,
      long size,
      UUID uploadedBy,
      Instant now) {
    this.id = id.toString();
    this.ticketId = ticketId.toString();
    this.fileName = Objects.requireNonNull(fileName, "file name is required");
    this.contentType = type.contentType();
    this.size = size;
    this.status = AttachmentStatus.SCANNING;
    this.uploadedBy = uploadedBy.toString();
    this.uploadedAt = now;
  }

  /** The object's key in the bucket: ids only, never anything the uploader chose. */
  public static String objectKey(UUID ticketId, UUID attachmentId) {
    return "tickets/" + ticketId + "/" + attachmentId;
  }

  public String objectKey() {
    return objectKey(ticketId(), id());
  }

  /** Records the scanner's verdict; returns false when it had one already. */
  public boolean scanned(ContentScanner.Verdict verdict, Instant now) {
    if (status != AttachmentStatus.SCANNING) {
      return false;
    }
    status =
        verdict == ContentScanner.Verdict.CLEAN
            ? AttachmentStatus.AVAILABLE
            : AttachmentStatus.REJECTED;
    scannedAt = now;
    return true;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public UUID ticketId() {
    return UUID.fromString(ticketId);
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public AttachmentStatus status() {
    return status;
  }

  public UUID uploadedBy() {
    return UUID.fromString(uploadedBy);
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  public Instant scannedAt() {
    return scannedAt;
  }
}
