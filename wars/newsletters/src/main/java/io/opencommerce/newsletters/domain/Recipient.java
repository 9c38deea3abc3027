package io.opencommerce.newsletters.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered customer as the mails need them: address and name, learnt from {@code
 * UserRegistered} (the read model every customer mail is addressed from; no other service is asked
 * when a mail is written).
 */
@Entity
@Table(name = "recipients")
public class Recipient {
  @Id
  @Column(name = "user_id", length = 36)
  private String userId;

  @Column(nullable = false)
  private String site;

  @Column(nullable = false)
  private String email;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  protected Recipient() {}

  public Recipient(UUID userId, String site, String email, String displayName, Instant now) {
    this.userId = userId.toString();
    this.site = site;
    this.email = email;
    this.displayName = displayName;
    this.registeredAt = now;
  }

  public UUID userId() {
    return UUID.fromString(userId);
  }

  public String site() {
    return site;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }
}
