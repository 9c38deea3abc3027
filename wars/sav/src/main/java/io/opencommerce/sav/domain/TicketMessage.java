package io.opencommerce.sav.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a ticket's conversation, by its customer or by staff (an agent or an
 * administrator). Never changed once written.
 */
@Entity
@Table(name = "ticket_messages")
public class TicketMessage {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "ticket_id", nullable = false, length = 36)
  private String ticketId;

  @Column(name = "author_id", nullable = false, length = 36)
  private String authorId;

  @Column(name = "from_staff", nullable = false)
  private boolean fromStaff;

  @Column(nullable = false)
  private String body;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected TicketMessage() {}

  public TicketMessage(
      UUID id, UUID ticketId, UUID authorId, boolean fromStaff, String body, Instant at) {
    this.id = id.toString();
    this.ticketId = ticketId.toString();
    this.authorId = authorId.toString();
    this.fromStaff = fromStaff;
    this.body = Objects.requireNonNull(body, "body is required").strip();
    this.writtenAt = at;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public UUID ticketId() {
    return UUID.fromString(ticketId);
  }

  public UUID authorId() {
    return UUID.fromString(authorId);
  }

  public boolean fromStaff() {
    return fromStaff;
  }

  public String body() {
    return body;
  }

  public Instant writtenAt() {
    return writtenAt;
  }
}
