package io.opencommerce.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of the security audit trail, kept in the auth database. */
@Entity
@Table(name = "security_events")
public class SecurityEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SecurityEventType type;

  @Column(name = "user_id", length = 36)
  private String userId;

  private String email;

  @Column(name = "actor_id", length = 36)
  private String actorId;

  @Column(name = "remote_address")
  private String remoteAddress;

  private String detail;

  protected SecurityEvent() {}

  public SecurityEvent(
      SecurityEventType type,
      UUID userId,
      String email,
      String actorId,
      String remoteAddress,
      String detail) {
    this.occurredAt = Instant.now();
    this.type = type;
    this.userId = userId == null ? null : userId.toString();
    this.email = email == null ? null : truncate(email, 254);
    this.actorId = actorId;
    this.remoteAddress = remoteAddress;
    this.detail = detail == null ? null : truncate(detail, 500);
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  public long id() {
    return id == null ? 0 : id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public SecurityEventType type() {
    return type;
  }

  public UUID userId() {
    return userId == null ? null : UUID.fromString(userId);
  }

  public String email() {
    return email;
  }

  public String actorId() {
    return actorId;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public String detail() {
    return detail;
  }
}
