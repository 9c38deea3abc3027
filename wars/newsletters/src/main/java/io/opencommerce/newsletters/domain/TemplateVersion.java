package io.opencommerce.newsletters.domain;

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
 * One saved version of a mail template of a site, language and kind. Never changed once saved (a
 * new wording is a new version), so its content, kept in object storage under {@link
 * #storageKey()}, can be cached for ever.
 */
@Entity
@Table(name = "template_versions")
public class TemplateVersion {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  @Column(nullable = false)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MailKind kind;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false)
  private String subject;

  @Column(name = "created_by", length = 36)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TemplateVersion() {}

  public TemplateVersion(
      String site,
      String language,
      MailKind kind,
      int number,
      String subject,
      UUID createdBy,
      Instant now) {
    if (number < 1) {
      throw new IllegalArgumentException("number must be at least 1");
    }
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site);
    this.language = Objects.requireNonNull(language);
    this.kind = Objects.requireNonNull(kind);
    this.number = number;
    this.subject = Objects.requireNonNull(subject);
    this.createdBy = createdBy == null ? null : createdBy.toString();
    this.createdAt = now;
  }

  /**
   * Where its content is stored: built from its id alone, never from what an administrator typed.
   */
  public String storageKey() {
    return storageKey(id());
  }

  public static String storageKey(UUID id) {
    return "templates/" + id + ".json";
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String site() {
    return site;
  }

  public String language() {
    return language;
  }

  public MailKind kind() {
    return kind;
  }

  public int number() {
    return number;
  }

  public String subject() {
    return subject;
  }

  public UUID createdBy() {
    return createdBy == null ? null : UUID.fromString(createdBy);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
